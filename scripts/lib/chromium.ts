import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's Chromium: the real binary, not the /usr/bin wrapper, which prints a shell warning on
 * every start. playwright-core drives it; Playwright's own browser download cannot reach its host here.
 */
export const chromiumCandidates = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'] as const;

export const installChromiumCommand = 'apt-get update && apt-get install -y chromium';

/** The Chromium executable, or undefined when none is installed. `CHROMIUM_PATH` overrides the search. */
export function findChromium(): string | undefined {
  const override = process.env.CHROMIUM_PATH;
  if (override) return existsSync(override) ? override : undefined;
  return chromiumCandidates.find((candidate) => existsSync(candidate));
}

/**
 * Installs Debian's Chromium when it is missing and we are root (as on CI and a fresh machine of this kind);
 * otherwise explains the one command to run. Returns the executable path.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `Chromium is not installed, and installing it needs root. Run:\n  sudo sh -c '${installChromiumCommand}'\n` +
        'then run the tests again (or set CHROMIUM_PATH to an existing Chromium).'
    );
  }
  log(`Chromium is missing; installing Debian's package (${installChromiumCommand}) ...`);
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${installChromiumCommand}`], { stdio: 'inherit' });
  const installed = findChromium();
  if (!installed) throw new Error(`"${installChromiumCommand}" finished but no Chromium was found in ${chromiumCandidates.join(' or ')}.`);
  const version = spawnSync(installed, ['--version'], { encoding: 'utf8' }).stdout.trim();
  log(`Installed ${version || 'Chromium'} at ${installed}.`);
  return installed;
}

/** Flags that keep Chromium from reaching for the internet, which this machine and CI do not have. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
] as const;
