import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { publicHostNames } from './publicHosts';

/**
 * Runs CLI for Microsoft 365 (`@pnp/cli-microsoft365`, a pinned devDependency), unmodified, against a dev tenant in
 * public-hosts mode: in its own process only, Microsoft 365's names reach the dev tenant (`hostMap.mjs`) and the local
 * CA is trusted (`NODE_EXTRA_CA_CERTS`); its settings and sign-in live in `home`, not the user's own. Telemetry and
 * the update check are off: they would call out of this machine.
 */
export interface M365Sandbox {
  port: number;
  caFile: string;
  /** The CLI's home folder (its connection and settings); one per sandbox. */
  home: string;
}

export interface M365Result {
  code: number;
  stdout: string;
  stderr: string;
}

const cliEntry = (): string => createRequire(__filename).resolve('@pnp/cli-microsoft365/dist/index.js');

/** A fresh CLI home with telemetry and the update check off and JSON output by default. */
export function newM365Home(parent = os.tmpdir()): string {
  const home = fs.mkdtempSync(path.join(parent, 'm365-home-'));
  const config = path.join(home, '.config', 'configstore');
  fs.mkdirSync(config, { recursive: true });
  fs.writeFileSync(
    path.join(config, 'cli-m365-config.json'),
    JSON.stringify({ disableTelemetry: true, autoOpenLinksInBrowser: false, output: 'json', printErrorsAsPlainText: true })
  );
  return home;
}

export function m365Environment(sandbox: M365Sandbox): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return {
    ...rest,
    HOME: sandbox.home,
    XDG_CONFIG_HOME: path.join(sandbox.home, '.config'),
    NO_UPDATE_NOTIFIER: '1',
    NODE_EXTRA_CA_CERTS: sandbox.caFile,
    NODE_OPTIONS: `--import=${pathToFileURL(path.join(__dirname, 'hostMap.mjs')).href}`,
    CUSTODIAN_DEVTENANT_HOSTS: Object.values(publicHostNames).join(','),
    CUSTODIAN_DEVTENANT_PORT: String(sandbox.port)
  };
}

/** Runs `m365 <args>` and collects what it printed. Never throws for a failing command: its exit code says so. */
export function runM365(sandbox: M365Sandbox, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<M365Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry(), ...args], { env: m365Environment(sandbox), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
