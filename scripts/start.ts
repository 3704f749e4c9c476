import * as path from 'node:path';
import { buildPages } from './build';
import { ensureDevCertificate } from './lib/devCertificate';
import { buildInputs, distDir, pages, repoRoot } from './lib/paths';
import { startLocalServer } from './lib/server';
import { isStale } from './lib/staleness';

const usage = 'Usage: npm start [-- --https]\n  PORT=4321 (default) changes the port; the server listens on 127.0.0.1 only.';

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((arg) => arg !== '--https');
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')}.\n${usage}`);
  const useHttps = argv.includes('--https');
  const port = Number(process.env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number from 0 to 65535; got "${process.env.PORT}".`);

  if (
    isStale(
      path.join(distDir, 'build-report.json'),
      buildInputs.map((input) => path.join(repoRoot, input))
    )
  ) {
    console.log('Building the pages ...');
    await buildPages();
  }
  const certificate = useHttps ? await ensureDevCertificate(path.join(repoRoot, '.certs')) : undefined;
  const server = await startLocalServer({ root: distDir, port, tls: certificate });
  console.log(`Custodian is running at ${server.url}/`);
  for (const page of pages) console.log(`  ${page.title.padEnd(40)} ${server.url}/${page.html}`);
  if (certificate) console.log(`Trust ${certificate.caPath} in your browser or OS to sideload the add-in without warnings.`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
