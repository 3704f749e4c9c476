import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pageHtml, startPageHtml } from './lib/html';
import { distDir, pages, repoRoot } from './lib/paths';
import { formatSizeTable, measure, type SizeReport } from './lib/sizes';

/**
 * Bundles the task pane, the Teams tab and the local workbench page into dist/ and prints each
 * entry's size. The SPFx web part is bundled by SPFx's own toolchain (`npm run package`).
 */
export async function buildPages(log: (line: string) => void = console.log): Promise<SizeReport[]> {
  // SPFx writes the web part's bundle to dist/ too (its path is fixed); only this build's own outputs are replaced.
  for (const output of [...pages.map((page) => page.name), 'assets', 'index.html', 'build-report.json']) {
    rmSync(path.join(distDir, output), { recursive: true, force: true });
  }
  mkdirSync(distDir, { recursive: true });
  const entryPoints = Object.fromEntries(pages.map((page) => [page.html.replace(/\.html$/, ''), path.join(repoRoot, page.entry)]));
  const result = await build({
    entryPoints,
    outdir: distDir,
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning'
  });
  if (result.errors.length > 0) throw new Error(`The page build failed with ${result.errors.length} error(s).`);

  const reports: SizeReport[] = [];
  for (const page of pages) {
    const script = `/${page.html.replace(/\.html$/, '.js')}`;
    const htmlPath = path.join(distDir, page.html);
    writeFileSync(htmlPath, pageHtml({ title: page.title, script }));
    reports.push(measure(page.html.replace(/\.html$/, '.js'), readFileSync(path.join(distDir, script))));
    reports.push(measure(page.html, readFileSync(htmlPath)));
  }
  const publicDir = path.join(repoRoot, 'public');
  if (existsSync(publicDir)) cpSync(publicDir, distDir, { recursive: true });
  writeFileSync(
    path.join(distDir, 'index.html'),
    startPageHtml(pages.map((page) => ({ href: `/${page.html}`, title: page.title, description: page.description })))
  );
  writeFileSync(path.join(distDir, 'build-report.json'), `${JSON.stringify({ files: reports }, null, 2)}\n`);
  log(formatSizeTable(reports));
  return reports;
}

if (require.main === module) {
  buildPages().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
