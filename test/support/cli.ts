import { runCli } from '../../src/cli.js';
import type { Clock } from '../../src/clock.js';
import type { Env } from '../../src/config.js';

/** Runs the CLI in-process, as `terrain <argv>` with this environment; returns its exit code and what it printed. */
export async function runCliCaptured(
  argv: readonly string[],
  env: Env,
  clock?: Clock,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    env,
    clock,
  });
  return { code, out, err };
}
