import * as path from 'node:path';
import { buildPages } from '../../../scripts/build';
import { buildInputs, distDir, repoRoot } from '../../../scripts/lib/paths';
import { isStale } from '../../../scripts/lib/staleness';
import { type LocalServer, startLocalServer } from '../../../scripts/lib/server';
import { createDevTenantHandler, type DevTenantOptions } from '../../../src/devtenant/index';

/**
 * Serves dist/ on a free loopback port, building it first when the sources are newer, with a fresh in-memory
 * dev tenant on the same origin: what `npm start -- --memory` serves. Options go to the dev tenant
 * (e.g. `{ items: 500, latencyMs: 20 }`).
 */
export async function serveBuiltPages(devTenant: Omit<DevTenantOptions, 'dataDir' | 'memory' | 'port'> = {}): Promise<LocalServer> {
  if (
    isStale(
      path.join(distDir, 'build-report.json'),
      buildInputs.map((input) => path.join(repoRoot, input))
    )
  ) {
    await buildPages(() => undefined);
  }
  return startLocalServer({
    root: distDir,
    port: 0,
    mount: (origin) => createDevTenantHandler({ ...devTenant, memory: true, publicOrigin: origin })
  });
}
