import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const distDir = path.join(repoRoot, 'dist');

/** The bundled pages: each is one esbuild entry and one HTML page under dist/. */
export const pages = [
  {
    name: 'addin',
    entry: 'src/addin/index.tsx',
    html: 'addin/taskpane.html',
    title: 'Custodian task pane',
    description: 'Word and Outlook: declare records'
  },
  {
    name: 'teams',
    entry: 'src/teams/index.tsx',
    html: 'teams/index.html',
    title: 'Custodian dispositions',
    description: 'Teams: review pending dispositions'
  },
  {
    name: 'workbench',
    entry: 'src/workbench/index.tsx',
    html: 'workbench/index.html',
    title: 'Custodian file plan (local workbench)',
    description: 'SharePoint: the file plan web part'
  }
] as const;

export type Page = (typeof pages)[number];

/** Everything a page build reads: when one of these is newer than the last build, `npm start` rebuilds. */
export const buildInputs = ['src', 'public', 'package-lock.json', 'scripts/build.ts', 'scripts/lib'] as const;
