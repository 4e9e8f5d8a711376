/**
 * Global zod configuration, imported before any schema is built. zod 4 probes `new Function`
 * (to compile fast parsers) when it builds its first object schema unless `jitless` is set; the
 * app's Content-Security-Policy forbids eval, so the probe is reported as a CSP violation even
 * though zod catches the error. The setting is global (shared by the engine's schemas), and must
 * run before the first `z.object(...)` anywhere in the page.
 */
import { z } from 'zod';

z.config({ jitless: true });
