import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { LOCAL_ORIGIN, stampHost, validateAddinManifest, validateTeamsManifest } from './lib/manifests';
import { distDir, repoRoot } from './lib/paths';
import { formatSizeTable, measure } from './lib/sizes';

const usage = 'Usage: npm run package [-- --host https://records.contoso.com]';

/** Where the packages go: the .sppkg where SPFx puts it; the add-in and Teams packages beside each other. */
export const packageOutputs = {
  sppkg: path.join(repoRoot, 'sharepoint', 'solution', 'custodian.sppkg'),
  folder: path.join(repoRoot, 'package'),
  teamsZip: path.join(repoRoot, 'package', 'custodian-teams.zip'),
  addinManifest: path.join(repoRoot, 'package', 'manifest.xml')
} as const;

export function parsePackageArgs(argv: readonly string[]): { host: string } {
  let host = LOCAL_ORIGIN;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--host' && index + 1 < argv.length) host = argv[++index];
    else if (arg.startsWith('--host=')) host = arg.slice('--host='.length);
    else throw new Error(`Unknown or incomplete option "${arg}".\n${usage}`);
  }
  return { host };
}

async function main(argv: readonly string[]): Promise<void> {
  const { host } = parsePackageArgs(argv);
  // Stamp and validate first: a bad host or manifest stops before the slow SPFx build.
  const stamped = stampHost(host, {
    addinXml: readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8'),
    teamsManifest: readFileSync(path.join(repoRoot, 'teams', 'manifest.json'), 'utf8')
  });
  const addinCheck = await validateAddinManifest(stamped.addinXml);
  if (!addinCheck.valid) throw new Error(`The stamped manifest.xml is not valid:\n  ${addinCheck.errors.join('\n  ')}`);
  const teamsCheck = await validateTeamsManifest(JSON.parse(stamped.teamsManifest), { packageDir: path.join(repoRoot, 'teams') });
  if (!teamsCheck.valid) throw new Error(`The stamped teams/manifest.json is not valid:\n  ${teamsCheck.errors.join('\n  ')}`);

  mkdirSync(packageOutputs.folder, { recursive: true });
  writeFileSync(packageOutputs.addinManifest, stamped.addinXml);
  const zip = new JSZip();
  zip.file('manifest.json', stamped.teamsManifest);
  for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(path.join(repoRoot, 'teams', icon)));
  writeFileSync(packageOutputs.teamsZip, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

  // SPFx names its bundle by content hash and never removes old ones from dist/.
  for (const file of webPartBundles()) rmSync(path.join(distDir, file), { force: true });
  run('SPFx bundle', ['gulp', 'bundle', '--ship']);
  run('SPFx package', ['gulp', 'package-solution', '--ship']);
  if (!existsSync(packageOutputs.sppkg)) throw new Error(`SPFx finished but ${packageOutputs.sppkg} is missing.`);

  const sizes = webPartBundles().map((file) => measure(file, readFileSync(path.join(distDir, file))));
  console.log(`\nWeb part bundle (SharePoint loads React and SPFx itself):\n${formatSizeTable(sizes)}`);
  console.log(`\nPackages for ${host}:`);
  for (const file of [packageOutputs.sppkg, packageOutputs.teamsZip, packageOutputs.addinManifest])
    console.log(`  ${path.relative(repoRoot, file)}`);
  console.log(`Host the contents of dist/ at ${host}/ (npm run build) before deploying the add-in and the Teams app.`);
}

function webPartBundles(): string[] {
  if (!existsSync(distDir)) return [];
  return readdirSync(distDir).filter((file) => file.startsWith('custodian-file-plan-web-part') && file.endsWith('.js'));
}

function run(title: string, args: readonly string[]): void {
  console.log(`\n> ${title}: npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal}). The output above says why.`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
