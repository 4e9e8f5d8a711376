/**
 * Serve a built copy of the app with `vite preview`, for the end-to-end tests, the size report and
 * the Lighthouse audit. One implementation so they all test the same thing the user gets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/**
 * Start `vite preview` on the given port and resolve once it answers. The app must already be
 * built, into `dist/` or the folder named by FIREBREAK_DIST (so parallel work can build into
 * separate folders). Rejects when the folder holds no build or the server does not come up in 30 s.
 */
export async function servePreview(
  port: number,
  outDir = process.env.FIREBREAK_DIST ?? 'dist',
): Promise<Served> {
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`${outDir}/ is missing: run \`npm run build\` first`);
  const args = ['vite', 'preview', '--port', String(port), '--strictPort'];
  // Its own process group, so stop() ends npx and the vite process under it together; no pipes,
  // so a script that served the app can exit once it is done.
  const child: ChildProcess = spawn('npx', [...args, '--host', '127.0.0.1', '--outDir', outDir], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 100));
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite preview did not come up on ${url} within 30 s`);
}
