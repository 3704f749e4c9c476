import * as path from 'node:path';
import { createDevTenantHandler } from '../src/devtenant/index';
import { buildPages } from './build';
import { ensureDevCertificate } from './lib/devCertificate';
import { buildInputs, distDir, pages, repoRoot } from './lib/paths';
import { startLocalServer } from './lib/server';
import { isStale } from './lib/staleness';

const usage = `Usage: npm start [-- --https] [--memory | --data DIR]
  --https      serve https://localhost with an offline development certificate (for sideloading into Office)
  --memory     run the dev tenant in memory: a fresh organisation each start, nothing written to disk
  --data DIR   keep the dev tenant in DIR (default .devtenant/, created and seeded on first start)
  PORT=4321 (the default) changes the port; the server listens on 127.0.0.1 only.`;

interface StartOptions {
  https: boolean;
  memory: boolean;
  dataDir: string;
}

export function parseStartArgs(argv: readonly string[]): StartOptions {
  const options: StartOptions = { https: false, memory: false, dataDir: path.join(repoRoot, '.devtenant') };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--https') options.https = true;
    else if (arg === '--memory') options.memory = true;
    else if (arg === '--data' && index + 1 < argv.length) options.dataDir = path.resolve(argv[++index]);
    else throw new Error(`Unknown or incomplete option "${arg}".\n${usage}`);
  }
  return options;
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseStartArgs(argv);
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
  const certificate = options.https ? await ensureDevCertificate(path.join(repoRoot, '.certs')) : undefined;
  const server = await startLocalServer({
    root: distDir,
    port,
    tls: certificate,
    // The dev tenant shares the pages' origin, as SharePoint's pages share one with their /_api.
    mount: (origin) =>
      createDevTenantHandler(options.memory ? { memory: true, publicOrigin: origin } : { dataDir: options.dataDir, publicOrigin: origin })
  });
  console.log(`Custodian is running at ${server.url}/`);
  for (const page of pages) console.log(`  ${page.title.padEnd(40)} ${server.url}/${page.html}`);
  console.log(`  ${'Dev tenant (Graph, SharePoint REST)'.padEnd(40)} ${server.url}/devtenant`);
  console.log(
    options.memory
      ? 'The dev tenant is in memory.'
      : `The dev tenant keeps its data in ${path.relative(repoRoot, options.dataDir) || '.'}/.`
  );
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
