/** `npm run eval`: scores the project's detector on the evaluation set (src/tools/eval-cli.ts). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detect } from '../src/core/detect';
import { evalMain } from '../src/tools/eval-cli';

process.exitCode = evalMain(process.argv.slice(2), {
  detect,
  projectRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  // npm runs scripts in the project root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
