/**
 * Global zod configuration, imported before any schema is built. zod 4 probes `new Function`
 * (to compile fast parsers) when it builds its first object schema unless `jitless` is set; the
 * app's Content-Security-Policy forbids eval, so the probe is reported as a CSP violation even
 * though zod catches the error. The setting is global, and must run before the first
 * `z.object(...)` anywhere in the page, so every module that builds schemas (the engine's scenario
 * format, storage's record schemas) imports this one first; no screen depends on load order.
 * The CLI runs jitless too, so it validates exactly as the app does.
 *
 * `zod/mini` loads no error messages by default; the English ones make a quarantined record's
 * report readable ("Too big: expected string to have <=200 characters", not "Invalid input").
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config({ jitless: true, ...en() });
