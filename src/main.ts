/**
 * Entry point: build the app state, mount the root component, open storage once the first screen
 * has painted. zod's global settings (no JIT under our CSP, `src/zod-config.ts`) load with
 * whichever chunk builds the first schema.
 */
import { mount } from 'svelte';
import { catalog, loaders } from 'virtual:scenario-catalog';
import { registerOfflineSupport } from './offline';
import { AppState } from './ui/app-state.svelte';
import App from './ui/App.svelte';
import './ui/styles/global.css';

// Storage (localforage, the record schemas) loads after the first screen has painted (App.svelte
// starts it): the library paints from the built-in catalog while IndexedDB opens.
const storage = () => import('./storage');
const app = new AppState({
  openRepository: async () => (await storage()).openRepository(),
  claimRun: async (runId) => (await storage()).claimRun(runId),
  source: { catalog, loaders },
});
const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target, props: { app } });
registerOfflineSupport();
