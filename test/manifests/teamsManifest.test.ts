import { copyFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LOCAL_ORIGIN, PLACEHOLDER_CLIENT_ID, validateTeamsManifest } from '../../scripts/lib/manifests';
import { allStrings, TEAMS_DIR, teamsManifest } from './files';

// Each validation starts a Node process that compiles the v1.30 schema.
jest.setTimeout(30_000);

const SCHEMA_V1_30 = 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json';

describe('teams/manifest.json (unified app manifest)', () => {
  it('validates against the v1.30 schema it declares, icons included', async () => {
    const manifest = teamsManifest();
    expect(manifest.$schema).toBe(SCHEMA_V1_30);
    expect(manifest.manifestVersion).toBe('1.30');
    await expect(validateTeamsManifest(manifest, { packageDir: TEAMS_DIR })).resolves.toEqual({ valid: true, errors: [] });
  });

  it('has the personal Dispositions tab and one configurable channel and group chat tab', () => {
    const { staticTabs, configurableTabs } = teamsManifest();
    expect(staticTabs).toEqual([
      expect.objectContaining({ name: 'Dispositions', contentUrl: `${LOCAL_ORIGIN}/teams/index.html`, scopes: ['personal'] })
    ]);
    expect(configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: `${LOCAL_ORIGIN}/teams/index.html?view=config`, scopes: ['team', 'groupChat'] })
    ]);
  });

  it('carries the Outlook add-in: Mailbox requirement, the task pane runtime, buttons on read and compose', () => {
    const [extension] = teamsManifest().extensions!;
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [expect.objectContaining({ name: 'Mailbox' })] });
    const [runtime] = extension.runtimes!;
    expect(runtime.code.page).toBe(`${LOCAL_ORIGIN}/addin/taskpane.html`);
    const openPage = new Set(runtime.actions!.filter((action) => action.type === 'openPage').map((action) => action.id));

    const contexts = extension.ribbons!.flatMap((ribbon) => ribbon.contexts ?? []);
    expect(contexts.sort()).toEqual(['mailCompose', 'mailRead']);
    for (const ribbon of extension.ribbons!) {
      const controls = ribbon.tabs.flatMap((tab) => tab.groups ?? []).flatMap((group) => group.controls ?? []);
      expect(controls).toHaveLength(1);
      expect(controls[0].type).toBe('button');
      expect(openPage.has(controls[0].actionId!)).toBe(true);
    }
  });

  it('declares nested app authentication with the placeholder client id and the Graph scopes the add-in asks for', () => {
    const { webApplicationInfo, validDomains } = teamsManifest();
    expect(webApplicationInfo).toEqual({
      id: PLACEHOLDER_CLIENT_ID,
      nestedAppAuthInfo: [
        {
          redirectUri: 'brk-multihub://localhost:4321',
          // Sites.FullControl.All: Graph requires it to apply a label that makes content a record (README, Permissions).
          scopes: [
            'Files.ReadWrite.All',
            'Sites.ReadWrite.All',
            'Mail.ReadWrite',
            'RecordsManagement.Read.All',
            'SensitivityLabel.Read',
            'Sites.FullControl.All'
          ]
        }
      ]
    });
    expect(validDomains).toEqual(['localhost:4321']);
  });

  it('uses the local origin for every URL', () => {
    const urls = allStrings(teamsManifest()).filter((s) => /^https?:\/\//.test(s) && s !== SCHEMA_V1_30);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith(`${LOCAL_ORIGIN}/`)).toBe(true);
  });

  it('rejects a short name over Teams’ 30 characters', async () => {
    const manifest = teamsManifest();
    manifest.name.short = 'Custodian records management app';
    const result = await validateTeamsManifest(manifest);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.stringContaining('/name/short must NOT have more than 30 characters')]);
  });

  it('rejects a manifest without its outline icon', async () => {
    const manifest = teamsManifest();
    delete (manifest.icons as Partial<typeof manifest.icons>).outline;
    const result = await validateTeamsManifest(manifest);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.stringContaining("/icons must have required property 'outline'")]);
  });

  it('rejects an app id that is not a GUID', async () => {
    const manifest = teamsManifest();
    manifest.id = 'custodian';
    const result = await validateTeamsManifest(manifest);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.stringContaining('/id must match pattern')]);
  });

  it('rejects a ribbon without its required icons', async () => {
    const manifest = teamsManifest();
    manifest.extensions![0].ribbons![0].tabs[0].groups![0].controls![0].icons = [];
    const result = await validateTeamsManifest(manifest);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(
      /\/extensions\/0\/ribbons\/0\/tabs\/0\/groups\/0\/controls\/0\/icons must NOT have fewer than 3 items/
    );
  });

  describe('icons in the package folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'custodian-teams-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('rejects a package without the outline icon file', async () => {
      copyFileSync(join(TEAMS_DIR, 'color.png'), join(dir, 'color.png'));
      const result = await validateTeamsManifest(teamsManifest(), { packageDir: dir });
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual([`/icons/outline: outline.png is not in ${dir}; the app package must contain it`]);
    });

    it('rejects a colour icon of the wrong size', async () => {
      copyFileSync(join(TEAMS_DIR, 'outline.png'), join(dir, 'color.png'));
      copyFileSync(join(TEAMS_DIR, 'outline.png'), join(dir, 'outline.png'));
      const result = await validateTeamsManifest(teamsManifest(), { packageDir: dir });
      expect(result.errors).toEqual(['/icons/color: color.png is 32x32; Teams needs 192x192']);
    });
  });

  it('refuses a $schema that disagrees with manifestVersion instead of guessing', async () => {
    const manifest = teamsManifest();
    manifest.$schema = SCHEMA_V1_30.replace('v1.30', 'v1.29');
    const result = await validateTeamsManifest(manifest);
    expect(result).toEqual({ valid: false, errors: [expect.stringContaining('/$schema names v1.29 but manifestVersion is "1.30"')] });
  });

  it('says so, without going online, when the package has no schema for the version', async () => {
    const manifest = { ...teamsManifest(), manifestVersion: '9.99', $schema: SCHEMA_V1_30.replace('v1.30', 'v9.99') };
    const result = await validateTeamsManifest(manifest);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/@microsoft\/app-manifest has no offline schema v9\.99; it has .*v1\.30/);
  });

  it('rejects something that is not a manifest object', async () => {
    await expect(validateTeamsManifest([])).resolves.toEqual({ valid: false, errors: ['the Teams manifest must be a JSON object'] });
    await expect(validateTeamsManifest({ manifestVersion: '1.30' })).resolves.toEqual({
      valid: false,
      errors: [`/$schema is missing; for manifestVersion "1.30" it is ${SCHEMA_V1_30}`]
    });
  });
});
