/** Entry point: open storage, build the app state, mount the root component. */
import { mount } from 'svelte';
import { config as zodConfig } from 'zod';
import { catalog, loaders } from 'virtual:scenario-catalog';
import { registerOfflineSupport } from './offline';
import { claimRun, openRepository } from './storage';
import { AppState } from './ui/app-state.svelte';
import App from './ui/App.svelte';
import './ui/styles/global.css';

// zod probes `new Function` to decide whether to JIT its validators; under our CSP that probe is
// reported as a violation even though zod catches it. Validation works the same without the JIT.
zodConfig({ jitless: true });

const app = new AppState({ openRepository, claimRun, source: { catalog, loaders } });
const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target, props: { app } });
registerOfflineSupport();
