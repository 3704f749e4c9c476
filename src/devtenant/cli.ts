import { startDevTenant, type DevTenantOptions } from './index';
import { parseFaultSpec } from './faults';
import { parseMeteredSpec } from './meteredApi';
import { tenantId } from './auth/personas';
import { devTenantAppId, devTenantPassword } from './entra/entraTokens';
import { clearSandboxState, writeSandboxState } from './publicHosts/sandboxState';

/**
 * `tsx src/devtenant/cli.ts [--port N] [--data DIR | --memory] [--seed N] [--items N] [--latency MS]
 * [--rate RPS] [--faults 429:0.05,503:0.02,reset:0.01] [--metered unbilled|billed|CALLS_PER_5_MINUTES] [--public-hosts]`
 */

export const usage =
  'usage: devtenant [--port N] [--data DIR | --memory] [--seed N] [--items N] [--latency MS] [--rate REQUESTS_PER_SECOND] [--faults 429:0.05,503:0.02,504:0.01,reset:0.01] [--metered unbilled|billed|CALLS_PER_5_MINUTES] [--public-hosts]';

export type CliParse = { ok: true; options: DevTenantOptions } | { ok: false; reason: string };

function integer(flag: string, value: string | undefined, min: number, max: number): number | string {
  if (value === undefined || !/^\d+$/.test(value)) return `${flag} needs a whole number.`;
  const n = Number(value);
  if (n < min || n > max) return `${flag} must be from ${min} to ${max}.`;
  return n;
}

/** Parses the command line; a bad flag gives a reason instead of throwing. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: DevTenantOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const take = (): string | undefined => inline ?? argv[++i];
    let n: number | string;
    switch (flag) {
      case '--port':
        n = integer(flag, take(), 0, 65535);
        if (typeof n === 'string') return { ok: false, reason: n };
        options.port = n;
        break;
      case '--data': {
        const dir = take();
        if (!dir || dir.startsWith('--')) return { ok: false, reason: '--data needs a folder.' };
        options.dataDir = dir;
        break;
      }
      case '--memory':
        if (inline !== undefined) return { ok: false, reason: '--memory takes no value.' };
        options.memory = true;
        break;
      case '--seed':
        n = integer(flag, take(), 0, 0xffffffff);
        if (typeof n === 'string') return { ok: false, reason: n };
        options.seed = n;
        break;
      case '--items':
        n = integer(flag, take(), 0, 1_000_000);
        if (typeof n === 'string') return { ok: false, reason: n };
        options.items = n;
        break;
      case '--latency':
        n = integer(flag, take(), 0, 60_000);
        if (typeof n === 'string') return { ok: false, reason: n };
        options.latencyMs = n;
        break;
      case '--rate':
        n = integer(flag, take(), 0, 1_000_000);
        if (typeof n === 'string') return { ok: false, reason: n };
        options.rate = n;
        break;
      case '--faults': {
        const spec = take();
        if (spec === undefined) return { ok: false, reason: '--faults needs a list such as 429:0.05,503:0.02.' };
        const parsed = parseFaultSpec(spec);
        if (!parsed.ok) return { ok: false, reason: `--faults: ${parsed.reason}` };
        options.faults = spec;
        break;
      }
      case '--metered': {
        const spec = take();
        if (spec === undefined || spec.startsWith('--'))
          return { ok: false, reason: '--metered needs unbilled, billed or a number of calls per five minutes.' };
        const parsed = parseMeteredSpec(spec);
        if (!parsed.ok) return { ok: false, reason: `--metered: ${parsed.reason}` };
        options.metered = spec;
        break;
      }
      case '--public-hosts':
        if (inline !== undefined) return { ok: false, reason: '--public-hosts takes no value.' };
        options.publicHosts = {};
        break;
      case '--help':
      case '-h':
        return { ok: false, reason: 'help' };
      default:
        return { ok: false, reason: `Unknown option '${arg}'.` };
    }
  }
  if (options.memory && options.dataDir) return { ok: false, reason: 'Use either --data DIR or --memory, not both.' };
  if (!options.dataDir) options.memory = true;
  return { ok: true, options };
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    if (parsed.reason === 'help') {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    process.stderr.write(`devtenant: ${parsed.reason}\n${usage}\n`);
    return 2;
  }
  let tenant;
  try {
    tenant = await startDevTenant(parsed.options);
  } catch (e) {
    process.stderr.write(`devtenant: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  process.stdout.write(`devtenant listening on ${tenant.url}\n`);
  if (tenant.publicHosts) {
    writeSandboxState(tenant.publicHosts);
    process.stdout.write(
      `Microsoft 365's host names answer here for CLI for Microsoft 365; sign in with:\n` +
        `  npm run m365 -- login --authType password --userName priya.raman@custodiandev.onmicrosoft.com --password ${devTenantPassword} --appId ${devTenantAppId} --tenant ${tenantId}\n`
    );
  }
  const running = tenant;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      if (running.publicHosts) clearSandboxState();
      void running.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`devtenant: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    }
  );
}
