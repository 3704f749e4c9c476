import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint, Linter } from 'eslint';

// docs/architecture.md: surfaces and shared UI reach the core only through core/services and core/domain, and only
// the composition roots create the gateway. `npm test` lints every file; these tests prove the rule that lint applies
// really refuses a violation, so a later edit of .eslintrc.js cannot quietly switch it off.

const repoRoot = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: repoRoot });

/** The `no-restricted-imports` findings for `code` placed at `file`, with the rule exactly as .eslintrc.js sets it there. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(path.join(repoRoot, file))) as Linter.Config;
  const rule = config.rules?.['no-restricted-imports'];
  if (rule === undefined) return [];
  const messages = new Linter().verify(code, {
    parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: { 'no-restricted-imports': rule }
  });
  return messages.map((m) => m.message);
}

const gatewayImport = "import { listAll } from '../../core/graph/iteratePages';";

describe('only the composition roots reach past core/services', () => {
  it.each([
    ['src/ui/common/Anything.tsx', gatewayImport],
    ['src/ui/filePlan/LibrariesTab.tsx', "import { createSharePoint } from '../../core/sharepoint/createSharePoint';"],
    ['src/addin/TaskPaneApp.tsx', "import { quoteODataString } from '../core/http/quoteODataString';"],
    ['src/teams/teamsHost.ts', "import { createNaaTokenProvider } from '../core/auth/createNaaTokenProvider';"],
    ['src/webparts/filePlan/recordsSiteUrl.ts', "import { createGraphGateway } from '../../core/graph/createGraphGateway';"],
    ['src/workbench/sitePath.ts', "import { CustodianError } from '../core/http/CustodianError';"],
    ['src/ui/declare/fields.ts', "import { ColumnDefinition } from '@microsoft/microsoft-graph-types';"]
  ])('%s refuses: %s', async (file, code) => {
    const findings = await restrictedImports(file, code);
    expect(findings).toHaveLength(1);
  });

  it.each([
    ['src/addin/index.tsx'],
    ['src/teams/index.tsx'],
    ['src/webparts/filePlan/FilePlanWebPart.ts'],
    ['src/workbench/WorkbenchRoot.tsx']
  ])('the composition root %s creates the gateway', async (file) => {
    expect(await restrictedImports(file, gatewayImport)).toEqual([]);
  });

  it('a surface may use the use cases and the domain rules', async () => {
    const code = [
      "import { readFilePlan } from '../../core/services/filePlan/readFilePlan';",
      "import { isCustodianError } from '../../core/services/errors';",
      "import { retentionEnd } from '../../core/domain/retentionEnd';"
    ].join('\n');
    expect(await restrictedImports('src/ui/common/Anything.tsx', code)).toEqual([]);
  });
});

/** Seed data is a catalogue of names and numbers, not logic; it may be long. */
const longFilesAllowed = new Set(['src/devtenant/seed/seed.ts', 'src/devtenant/seed/catalog.ts']);
const maxLines = 450;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

it(`no source file is over ${maxLines} lines, so a concept cannot hide in a grab-bag`, () => {
  const tooLong = sourceFiles(path.join(repoRoot, 'src'))
    .map((file) => ({
      file: path.relative(repoRoot, file).split(path.sep).join('/'),
      lines: readFileSync(file, 'utf8').split('\n').length
    }))
    .filter(({ file, lines }) => lines > maxLines && !longFilesAllowed.has(file));
  expect(tooLong).toEqual([]);
});
