import fs from 'node:fs';
import path from 'node:path';

/**
 * Where `npm run devtenant -- --public-hosts` leaves the port and CA of the running dev tenant for `npm run m365`,
 * and where the CLI keeps its sign-in between runs: `.devtenant/` in the checkout (ignored by git).
 */
export const sandboxDir = path.resolve('.devtenant');
const stateFile = path.join(sandboxDir, 'public-hosts.json');

export function writeSandboxState(state: { port: number; caFile: string }): void {
  fs.mkdirSync(sandboxDir, { recursive: true });
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
}

/** The dev tenant stopped: `npm run m365` then says so instead of failing to connect. */
export function clearSandboxState(): void {
  fs.rmSync(stateFile, { force: true });
}

/** The running dev tenant's sandbox, or why there is none. */
export function readSandboxState(): { ok: true; state: { port: number; caFile: string } } | { ok: false; reason: string } {
  if (!fs.existsSync(stateFile))
    return {
      ok: false,
      reason: 'No dev tenant answers on Microsoft 365 host names: start one with `npm run devtenant -- --public-hosts`.'
    };
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { port: number; caFile: string };
  return { ok: true, state };
}
