/**
 * Entry point: open storage, build the app state, mount the root component. zod's global settings
 * (no JIT under our CSP) come first, with the storage module (`src/storage/zod-config.ts`).
 */
import './storage/zod-config';
import { mount } from 'svelte';
import { catalog, loaders } from 'virtual:scenario-catalog';
import { registerOfflineSupport } from './offline';
import { claimRun, openRepository } from './storage';
import { AppState } from './ui/app-state.svelte';
import App from './ui/App.svelte';
import './ui/styles/global.css';

const app = new AppState({ openRepository, claimRun, source: { catalog, loaders } });
const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target, props: { app } });
registerOfflineSupport();
