/** `npm run detect`: extracts and detects pages, writes one JSON record each (src/tools/detect-cli.ts). */
import { detect } from '../src/core/detect';
import { detectMain } from '../src/tools/detect-cli';

process.exitCode = detectMain(process.argv.slice(2), {
  detect,
  // npm runs scripts in the project root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
