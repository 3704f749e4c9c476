import fs from 'node:fs';
import path from 'node:path';
import { newM365Home, runM365 } from '../src/devtenant/publicHosts/runM365';
import { readSandboxState, sandboxDir } from '../src/devtenant/publicHosts/sandboxState';

/**
 * `npm run m365 -- <command>`: CLI for Microsoft 365, unmodified, against the dev tenant started with
 * `npm run devtenant -- --public-hosts` (docs/devtenant.md, "Using CLI for Microsoft 365 with the dev tenant").
 * Its sign-in and settings stay in `.devtenant/m365-home`, apart from any real CLI configuration of yours.
 */
async function main(): Promise<number> {
  const found = readSandboxState();
  if (!found.ok) {
    process.stderr.write(`m365: ${found.reason}\n`);
    return 1;
  }
  const homeLink = path.join(sandboxDir, 'm365-home');
  if (!fs.existsSync(homeLink)) fs.renameSync(newM365Home(sandboxDir), homeLink);
  const result = await runM365({ ...found.state, home: homeLink }, process.argv.slice(2), { timeoutMs: 10 * 60_000 });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.code;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`m365: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
);
