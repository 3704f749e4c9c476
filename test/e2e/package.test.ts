import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { repoRoot } from '../../scripts/lib/paths';

jest.setTimeout(180_000);

const deployment = 'https://records.contoso.com';

function packageFor(host: string): { status: number | null; output: string } {
  const result = spawnSync('npx', ['tsx', 'scripts/package.ts', '--host', host], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run package', () => {
  it('refuses a host that is not https, before building anything', () => {
    const result = packageFor('http://records.contoso.com');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/https/);
    expect(result.output).not.toMatch(/SPFx bundle/);
  });

  describe('for an https host', () => {
    let output = '';
    beforeAll(() => {
      const result = packageFor(deployment);
      output = result.output;
      expect(result.status).toBe(0);
    });

    it('writes the .sppkg with the file plan web part and prints its bundle size', async () => {
      const sppkg = await JSZip.loadAsync(readFileSync(path.join(repoRoot, 'sharepoint/solution/custodian.sppkg')));
      const names = Object.keys(sppkg.files);
      const webPartId = JSON.parse(readFileSync(path.join(repoRoot, 'src/webparts/filePlan/FilePlanWebPart.manifest.json'), 'utf8'))
        .id as string;
      const contents = await Promise.all(names.filter((name) => name.endsWith('.xml')).map((name) => sppkg.files[name].async('string')));
      expect(contents.some((xml) => xml.includes(webPartId))).toBe(true);
      expect(names.some((name) => /custodian-file-plan-web-part_[0-9a-f]+\.js$/.test(name))).toBe(true);
      expect(output).toMatch(/custodian-file-plan-web-part_[0-9a-f]+\.js\s+[\d.]+ KB\s+[\d.]+ KB/);
    });

    it('writes the Teams app package with its manifest and both icons, stamped with the host', async () => {
      const zip = await JSZip.loadAsync(readFileSync(path.join(repoRoot, 'package/custodian-teams.zip')));
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = await zip.files['manifest.json'].async('string');
      expect(manifest).toContain(`${deployment}/teams/index.html`);
      expect(manifest).not.toContain('localhost');
    });

    it('stamps the Word manifest with the host and leaves the checked-in one on the local origin', () => {
      const stamped = readFileSync(path.join(repoRoot, 'package/manifest.xml'), 'utf8');
      expect(stamped).toContain(`${deployment}/addin/taskpane.html`);
      expect(stamped).not.toContain('localhost');
      expect(readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8')).toContain('https://localhost:4321/addin/taskpane.html');
    });
  });
});
