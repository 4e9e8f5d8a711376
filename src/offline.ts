/**
 * Register the offline service worker (see `vite.config.ts`). Called once from `main.ts`.
 *
 * Only in a production build, only where service workers exist (a secure context: https or
 * localhost — a laptop serving the app over plain http on the room's LAN simply runs online), and
 * only after the page has loaded and painted, so the registration and its small workbox-window
 * chunk never compete with the first screen. A failure is logged as a warning, never an error: the
 * app works the same without it, just not offline.
 */
import { afterFirstPaint } from './ui/after-paint';

export function registerOfflineSupport(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    import('virtual:pwa-register')
      .then(({ registerSW }) =>
        registerSW({
          immediate: true,
          onRegisterError: (error: unknown) =>
            console.warn('Firebreak: offline support is unavailable', error),
        }),
      )
      .catch((error: unknown) => console.warn('Firebreak: offline support is unavailable', error));
  };
  // After the load event *and* the first paint: the page can load before it first paints, and the
  // registration's chunk then competed with the first screen.
  const afterLoad = () => afterFirstPaint(register);
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}
