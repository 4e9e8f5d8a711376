/**
 * Firebreak's command line, over the same engine API as the app.
 *
 *   firebreak check [files or folders...] [--json]     validate scenarios (default: scenarios/)
 *   firebreak play <scenario id or file> --choose a,b,c [--json] [--locale ja|en]
 *   firebreak schema [--out scenarios/scenario.schema.json]
 *
 * Exit codes: 0 success, 1 invalid scenario or unavailable choice, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { runCheck } from './check-command';
import { runPlay } from './play-command';
import { runSchema } from './schema-command';

const USAGE = `usage:
  firebreak check [files or folders...] [--json]
  firebreak play <scenario id or file> --choose c1,c2,... [--json] [--locale ja|en]
  firebreak schema [--out FILE]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        choose: { type: 'string' },
        locale: { type: 'string', default: 'en' },
        out: { type: 'string' },
      },
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const locale = values.locale === 'ja' ? 'ja' : 'en';
  switch (command) {
    case 'check':
      return runCheck(positionals, { json: values.json ?? false });
    case 'play':
      if (positionals.length !== 1 || values.choose === undefined) {
        process.stderr.write(`play needs one scenario and --choose\n${USAGE}\n`);
        return 2;
      }
      return runPlay(positionals[0]!, values.choose, { json: values.json ?? false, locale });
    case 'schema':
      return runSchema(values.out);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not bad input: still no stack trace for the user, but say it plainly.
    process.stderr.write(
      `firebreak: internal error: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 70;
  },
);
