import { build, type Metafile } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pageHtml, startPageHtml } from './lib/html';
import { distDir, pages, repoRoot } from './lib/paths';
import { formatSizeTable, measure, type SizeReport } from './lib/sizes';

/** The task pane must stay light: Office opens it on every click of the ribbon button (issue 6: 250 KB gzipped). */
export const taskPaneBudgetGzip = 250 * 1024;

/** A page's JavaScript: what loads before it can render, and what it may load later (dynamic imports). */
export interface PageSize {
  page: string;
  initial: SizeReport;
  lazy: SizeReport;
  /** Paths under dist/, e.g. `addin/chunks/chunk-X.js`. */
  initialFiles: string[];
  lazyFiles: string[];
}

/**
 * Bundles the task pane, the Teams tab and the local workbench page into dist/ and prints each
 * entry's size. The SPFx web part is bundled by SPFx's own toolchain (`npm run package`).
 */
export async function buildPages(log: (line: string) => void = console.log): Promise<PageSize[]> {
  // SPFx writes the web part's bundle to dist/ too (its path is fixed); only this build's own outputs are replaced.
  for (const output of [...pages.map((page) => page.name), 'assets', 'index.html', 'build-report.json']) {
    rmSync(path.join(distDir, output), { recursive: true, force: true });
  }
  mkdirSync(distDir, { recursive: true });
  const sizes: PageSize[] = [];
  for (const page of pages) {
    const script = page.html.replace(/\.html$/, '.js');
    // Each page is bundled alone: a chunk shared between pages would carry the union of what they use, and
    // Office opens the task pane on every click. Within a page, what is needed only sometimes (MSAL inside
    // Office, teams-js inside Teams) is a dynamic import in a chunk of its own, loaded when needed.
    const result = await build({
      entryPoints: { [script.replace(/\.js$/, '')]: path.join(repoRoot, page.entry) },
      outdir: distDir,
      absWorkingDir: repoRoot,
      bundle: true,
      minify: true,
      sourcemap: 'linked',
      format: 'esm',
      splitting: true,
      entryNames: '[dir]/[name]',
      chunkNames: `${page.name}/chunks/[name]-[hash]`,
      target: ['es2020'],
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"' },
      legalComments: 'linked',
      metafile: true,
      logLevel: 'warning'
    });
    if (result.errors.length > 0) throw new Error(`The build of ${page.html} failed with ${result.errors.length} error(s).`);
    writeFileSync(path.join(distDir, page.html), pageHtml({ title: page.title, script: `/${script}` }));
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint !== undefined);
    if (!entry) throw new Error(`esbuild reported no entry output for ${page.html}.`);
    const initial = reachable(outputs, [entry], 'import-statement');
    const lazy = [...reachable(outputs, [entry], 'any')].filter((file) => !initial.has(file));
    const underDist = (file: string): string => path.relative(distDir, path.join(repoRoot, file)).split(path.sep).join('/');
    sizes.push({
      page: page.html,
      initial: total(`${page.html} (initial)`, initial),
      lazy: total(`${page.html} (later)`, lazy),
      initialFiles: [...initial].map(underDist),
      lazyFiles: lazy.map(underDist)
    });
  }
  const publicDir = path.join(repoRoot, 'public');
  if (existsSync(publicDir)) cpSync(publicDir, distDir, { recursive: true });
  writeFileSync(
    path.join(distDir, 'index.html'),
    startPageHtml(pages.map((page) => ({ href: `/${page.html}`, title: page.title, description: page.description })))
  );
  writeFileSync(path.join(distDir, 'build-report.json'), `${JSON.stringify({ pages: sizes }, null, 2)}\n`);
  log(formatSizeTable(sizes.flatMap((size) => [size.initial, size.lazy])));
  const pane = sizes.find((size) => size.page === 'addin/taskpane.html');
  if (pane) log(`Task pane initial load: ${(pane.initial.gzip / 1024).toFixed(1)} KB gzipped (budget ${taskPaneBudgetGzip / 1024} KB).`);
  return sizes;
}

type Outputs = Metafile['outputs'];

/** The JavaScript files an entry loads: through static imports only, or through dynamic imports as well. */
function reachable(outputs: Outputs, start: readonly string[], kind: 'import-statement' | 'any'): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !outputs[file]) return;
    seen.add(file);
    for (const imported of outputs[file].imports) if (kind === 'any' || imported.kind === kind) visit(imported.path);
  };
  start.forEach(visit);
  return seen;
}

/** Raw and gzipped bytes of several files, each gzipped alone as a server sends them. */
function total(name: string, files: Iterable<string>): SizeReport {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const size = measure(file, readFileSync(path.join(repoRoot, file)));
    raw += size.raw;
    gzip += size.gzip;
  }
  return { file: name, raw, gzip };
}

if (require.main === module) {
  buildPages().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
