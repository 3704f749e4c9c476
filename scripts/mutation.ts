import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './lib/paths';

/**
 * `npm run test:mutation [scope…] [--typecheck] [--ignore-static]`: Stryker over each scope of scripts/mutation/scopes.cjs
 * (all of them by default; `services` stands for the four service scopes),
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
  scope: string;
  folder: string;
  score: number;
  minimum: number;
  killed: number;
  survived: number;
  noCoverage: number;
  /** Set aside by `--ignore-static`: not in the score. */
  ignored: number;
}

async function main(args: readonly string[]): Promise<void> {
  const typecheck = args.includes('--typecheck');
  const ignoreStatic = args.includes('--ignore-static');
  const requested = args.filter((arg) => arg !== '--typecheck' && arg !== '--ignore-static').flatMap((arg) => groups[arg] ?? [arg]);
  const unknown = requested.filter((name) => !(name in scopes));
  if (unknown.length > 0)
    throw new Error(`Unknown scope ${unknown.join(', ')}: choose from ${[...Object.keys(scopes), ...Object.keys(groups)].join(', ')}.`);
  const names = requested.length > 0 ? [...new Set(requested)] : Object.keys(scopes);
  const scores: FolderScore[] = [];
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
    scores.push(...(await folderScores(name, scopes[name])));
  }
  printScores(scores);
  const below = scores.filter((score) => score.score < score.minimum);
  if (below.length > 0) {
    throw new Error(
      `${below.map((score) => score.folder).join(', ')} below the minimum mutation score: kill the survivors listed above, or explain each in docs/testing.md.`
    );
  }
}

/** Each folder's score as Stryker reports it: detected / (detected + survived + no coverage). */
async function folderScores(name: string, scope: Scope): Promise<FolderScore[]> {
  const reportFile = path.join(repoRoot, 'reports', 'mutation', name, 'mutation.json');
  if (!existsSync(reportFile)) throw new Error(`Stryker wrote no report at ${reportFile}.`);
  // ESM only: loaded when needed, as tsx runs this script as CommonJS.
  const { calculateMetrics } = await import('mutation-testing-metrics');
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Parameters<typeof calculateMetrics>[0] extends infer Files
    ? { files: Files }
    : never;
  return Object.entries(scope.minimumScore).map(([folder, minimum]) => {
    const files = Object.fromEntries(
      Object.entries(report.files).filter(([file]) => path.relative(repoRoot, path.resolve(repoRoot, file)).startsWith(`${folder}/`))
    );
    const { metrics } = calculateMetrics(files);
    return {
      scope: name,
      folder,
      score: Number.isNaN(metrics.mutationScore) ? 100 : metrics.mutationScore,
      minimum,
      killed: metrics.totalDetected,
      survived: metrics.survived,
      noCoverage: metrics.noCoverage,
      ignored: metrics.ignored
    };
  });
}

function printScores(scores: readonly FolderScore[]): void {
  console.log('\nMutation score by folder (minimum in brackets):');
  for (const score of scores) {
    const verdict = score.score >= score.minimum ? 'ok' : 'BELOW';
    console.log(
      `  ${score.folder.padEnd(36)} ${score.score.toFixed(1).padStart(5)}% (${score.minimum}%) ${verdict.padEnd(5)}  killed ${score.killed}, survived ${score.survived}, no coverage ${score.noCoverage}` +
        (score.ignored > 0 ? `, ${score.ignored} static not run` : '')
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
