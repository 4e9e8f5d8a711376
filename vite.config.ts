import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { compileHints } from './vite/compile-hints-plugin';
import { contentSecurityPolicy, scenarios } from './vite/scenarios-plugin';

/**
 * Offline support (issue 8): a Workbox service worker precaches the whole build — the app shell,
 * every lazy screen and every built-in scenario chunk — so a workshop room with no Wi-Fi still
 * runs every drill after one visit. `src/offline.ts` registers it from our own module code (the
 * CSP allows no inline script).
 */
const offline = VitePWA({
  // A new version installs in the background and waits; it takes over once every Firebreak tab is
  // closed. No reload in the middle of a drill, and the running version keeps its own precache.
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: 'Firebreak — crisis drills',
    short_name: 'Firebreak',
    description: 'Tabletop crisis-simulation drills for social-media and PR teams.',
    lang: 'en',
    display: 'standalone',
    theme_color: '#1d5fa8',
    background_color: '#ffffff',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png}'],
    // The first install also controls the tab that triggered it, so a scenario opened in that
    // same tab after the Wi-Fi drops still loads. (Updates still wait: see registerType.)
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // The app routes by hash, so every navigation is the shell.
    navigateFallback: 'index.html',
    // Scenario chunks are ~100–140 kB; fail the build (the plugin's default) long before one is
    // too big to precache rather than silently dropping it from the offline set.
    maximumFileSizeToCacheInBytes: 1024 * 1024,
  },
});

export default defineConfig({
  plugins: [svelte(), scenarios(), contentSecurityPolicy(), compileHints(), offline],
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});
