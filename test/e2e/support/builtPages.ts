import * as path from 'node:path';
import { buildPages } from '../../../scripts/build';
import { buildInputs, distDir, repoRoot } from '../../../scripts/lib/paths';
import { isStale } from '../../../scripts/lib/staleness';
import { type LocalServer, startLocalServer } from '../../../scripts/lib/server';

/** Serves dist/ on a free loopback port, building it first when the sources are newer (as `npm start` does). */
export async function serveBuiltPages(): Promise<LocalServer> {
  if (
    isStale(
      path.join(distDir, 'build-report.json'),
      buildInputs.map((input) => path.join(repoRoot, input))
    )
  ) {
    await buildPages(() => undefined);
  }
  return startLocalServer({ root: distDir, port: 0 });
}
