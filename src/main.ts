/** Entry point: open storage, build the app state, mount the root component. */
import { mount } from 'svelte';
import { catalog, loaders } from 'virtual:scenario-catalog';
import { claimRun, openRepository } from './storage';
import { AppState } from './ui/app-state.svelte';
import App from './ui/App.svelte';
import './ui/styles/global.css';

const app = new AppState({ openRepository, claimRun, source: { catalog, loaders } });
const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target, props: { app } });
