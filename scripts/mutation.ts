import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './lib/paths';

/**
 * `npm run test:mutation [scope…] [--typecheck] [--ignore-static]`: Stryker over each scope of scripts/mutation/scopes.cjs
 * (all of them by default; `rules` stands for the four rule scopes, `services` for the four service scopes),
 * then the score of each folder against its minimum. Stryker's own table above lists every surviving mutant;
 * the HTML report of a scope is reports/mutation/<scope>/mutation.html. Exits 1 when a folder is below its minimum.
 */
interface Scope {
  mutate: string[];
  tests: string[];
  minimumScore: Record<string, number>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the scopes are CommonJS so that Stryker's and jest's configs read them too
const { scopes, groups } = require('./mutation/scopes.cjs') as { scopes: Record<string, Scope>; groups: Record<string, string[]> };

interface FolderScore {
  folder: string;
  score: number;
  minimum: number;
  killed: number;
  survived: number;
  noCoverage: number;
  /** Set aside by `--ignore-static`: not in the score. */
  ignored: number;
  /** The scopes whose latest report the score is made of, with the report's time. */
  measured: string[];
  /** Scopes of the folder with no report yet: the score covers only part of it. */
  missing: string[];
}

async function main(args: readonly string[]): Promise<void> {
  const typecheck = args.includes('--typecheck');
  const ignoreStatic = args.includes('--ignore-static');
  const requested = args.filter((arg) => arg !== '--typecheck' && arg !== '--ignore-static').flatMap((arg) => groups[arg] ?? [arg]);
  const unknown = requested.filter((name) => !(name in scopes));
  if (unknown.length > 0)
    throw new Error(`Unknown scope ${unknown.join(', ')}: choose from ${[...Object.keys(scopes), ...Object.keys(groups)].join(', ')}.`);
  const names = requested.length > 0 ? [...new Set(requested)] : Object.keys(scopes);
  refuseUnscopedRules();
  for (const name of names) {
    const started = Date.now();
    console.log(`\n> Mutation testing, scope "${name}": ${scopes[name].mutate.join(' ')}`);
    const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        CUSTODIAN_MUTATION_SCOPE: name,
        ...(typecheck ? { CUSTODIAN_MUTATION_TYPECHECK: '1' } : {}),
        ...(ignoreStatic ? { CUSTODIAN_MUTATION_IGNORE_STATIC: '1' } : {})
      }
    });
    if (run.status !== 0)
      throw new Error(`Stryker failed on scope "${name}" (exit ${run.status ?? run.signal}). The output above says why.`);
    console.log(`Scope "${name}" took ${((Date.now() - started) / 60000).toFixed(1)} min.`);
  }
  const folders = [...new Set(names.flatMap((name) => Object.keys(scopes[name].minimumScore)))];
  const scores = await Promise.all(folders.map((folder) => folderScore(folder)));
  printScores(scores);
  const below = scores.filter((score) => score.score < score.minimum || score.missing.length > 0);
  if (below.length > 0) {
    throw new Error(
      `${below.map((score) => score.folder).join(', ')} below the minimum mutation score or not measured in full: run the missing scopes, and kill the survivors listed above or explain each in docs/testing.md.`
    );
  }
}

/**
 * A rule file that no scope mutates would never be measured, and the folder's score would still look complete: refuse
 * to run until it is added to a scope in scripts/mutation/scopes.cjs.
 */
function refuseUnscopedRules(): void {
  const mutated = new Set(
    Object.values(scopes).flatMap((scope) => scope.mutate.filter((pattern) => !pattern.includes('*')).map((file) => path.normalize(file)))
  );
  const unscoped = ['src/core/domain']
    .flatMap((folder) => readdirSync(path.join(repoRoot, folder)).map((file) => path.join(folder, file)))
    .filter((file) => file.endsWith('.ts') && path.basename(file) !== 'index.ts' && !mutated.has(file));
  if (unscoped.length > 0)
    throw new Error(
      `${unscoped.join(', ')} ${unscoped.length === 1 ? 'is' : 'are'} in no mutation scope: add each to one in scripts/mutation/scopes.cjs.`
    );
}

/**
 * A folder's score as Stryker reports it, detected / (detected + survived + no coverage), over the latest report of
 * every scope that mutates part of it: src/core/domain is three scopes, each run on its own.
 */
async function folderScore(folder: string): Promise<FolderScore> {
  // ESM only: loaded when needed, as tsx runs this script as CommonJS.
  const { calculateMetrics } = await import('mutation-testing-metrics');
  type Files = Parameters<typeof calculateMetrics>[0];
  const minimum = Math.max(...Object.values(scopes).map((scope) => scope.minimumScore[folder] ?? 0));
  const files: Files = {};
  const measured: string[] = [];
  const missing: string[] = [];
  for (const [name, scope] of Object.entries(scopes)) {
    if (!(folder in scope.minimumScore)) continue;
    const reportFile = path.join(repoRoot, 'reports', 'mutation', name, 'mutation.json');
    if (!existsSync(reportFile)) {
      missing.push(name);
      continue;
    }
    measured.push(`${name} (${statSync(reportFile).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { files: Files };
    for (const [file, result] of Object.entries(report.files))
      if (path.relative(repoRoot, path.resolve(repoRoot, file)).startsWith(`${folder}/`)) files[file] = result;
  }
  const { metrics } = calculateMetrics(files);
  return {
    folder,
    score: Number.isNaN(metrics.mutationScore) ? 100 : metrics.mutationScore,
    minimum,
    killed: metrics.totalDetected,
    survived: metrics.survived,
    noCoverage: metrics.noCoverage,
    ignored: metrics.ignored,
    measured,
    missing
  };
}

function printScores(scores: readonly FolderScore[]): void {
  console.log('\nMutation score by folder (minimum in brackets):');
  for (const score of scores) {
    const verdict = score.score >= score.minimum ? 'ok' : 'BELOW';
    console.log(
      `  ${score.folder.padEnd(36)} ${score.score.toFixed(1).padStart(5)}% (${score.minimum}%) ${verdict.padEnd(5)}  killed ${score.killed}, survived ${score.survived}, no coverage ${score.noCoverage}` +
        (score.ignored > 0 ? `, ${score.ignored} static not run` : '')
    );
    console.log(`    from ${score.measured.join(', ') || 'no report'}`);
    if (score.missing.length > 0)
      console.log(`    PART ONLY: not measured yet: ${score.missing.join(', ')} (npm run test:mutation -- ${score.missing.join(' ')})`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
