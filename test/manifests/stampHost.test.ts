import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import {
  escapeXml,
  parseDeploymentOrigin,
  readAddinInfo,
  stampHost,
  validateAddinManifest,
  validateTeamsManifest
} from '../../scripts/lib/manifests';
import { ADDIN_PATH, addinXml, allStrings, TEAMS_DIR, TEAMS_PATH, teamsText, type TeamsManifest } from './files';

jest.setTimeout(30_000);

const HOST = 'https://records.contoso.com';

function checkedIn() {
  return { addinXml: addinXml(), teamsManifest: teamsText() };
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('stampHost', () => {
  it('gives copies of both manifests that validate and carry no trace of localhost', async () => {
    const stamped = stampHost(HOST, checkedIn());
    expect(stamped.addinXml).not.toMatch(/localhost/i);
    expect(stamped.teamsManifest).not.toMatch(/localhost/i);

    await expect(validateAddinManifest(stamped.addinXml)).resolves.toEqual({ valid: true, errors: [] });
    const teams = JSON.parse(stamped.teamsManifest) as TeamsManifest;
    await expect(validateTeamsManifest(teams, { packageDir: TEAMS_DIR })).resolves.toEqual({ valid: true, errors: [] });

    expect(teams.validDomains).toEqual(['records.contoso.com']);
    expect(teams.webApplicationInfo!.nestedAppAuthInfo![0].redirectUri).toBe('brk-multihub://records.contoso.com');
    expect(teams.staticTabs![0].contentUrl).toBe(`${HOST}/teams/index.html`);
    expect(teams.extensions![0].runtimes![0].code.page).toBe(`${HOST}/addin/taskpane.html`);
    expect(stamped.addinXml).toContain(`<SourceLocation DefaultValue="${HOST}/addin/taskpane.html"/>`);
    const info = await readAddinInfo(stamped.addinXml);
    expect(info.sourceLocation).toBe(`${HOST}/addin/taskpane.html`);
  });

  it('changes nothing but the origin', () => {
    const original = checkedIn();
    const stamped = stampHost(HOST, original);
    expect(stamped.addinXml.split(HOST).join('https://localhost:4321')).toBe(original.addinXml);

    const before = allStrings(JSON.parse(original.teamsManifest));
    const after = allStrings(JSON.parse(stamped.teamsManifest));
    expect(after.map((s) => s.split(HOST).join('https://localhost:4321').split('records.contoso.com').join('localhost:4321'))).toEqual(
      before
    );
    expect(JSON.parse(stamped.teamsManifest).id).toBe(JSON.parse(original.teamsManifest).id);
  });

  it('keeps an explicit port and normalises case, a default port and a trailing slash', () => {
    const withPort = JSON.parse(stampHost('https://records.contoso.com:8443', checkedIn()).teamsManifest) as TeamsManifest;
    expect(withPort.validDomains).toEqual(['records.contoso.com:8443']);
    expect(withPort.developer.websiteUrl).toBe('https://records.contoso.com:8443/');

    expect(parseDeploymentOrigin('HTTPS://Records.Contoso.com:443/')).toEqual({ origin: HOST, host: 'records.contoso.com' });
  });

  it('stamps the local origin itself as a no-op, as a package without --host does', () => {
    const original = checkedIn();
    const stamped = stampHost('https://localhost:4321', original);
    expect(stamped.addinXml).toBe(original.addinXml);
    expect(JSON.parse(stamped.teamsManifest)).toEqual(JSON.parse(original.teamsManifest));
  });

  it('leaves the checked-in files untouched', () => {
    const before = [digest(ADDIN_PATH), digest(TEAMS_PATH)];
    stampHost(HOST, checkedIn());
    expect([digest(ADDIN_PATH), digest(TEAMS_PATH)]).toEqual(before);
  });

  it('refuses to stamp a copy that was already stamped', () => {
    const once = stampHost(HOST, checkedIn());
    expect(() => stampHost('https://other.contoso.com', once)).toThrow(
      /does not contain https:\/\/localhost:4321; stamp the checked-in manifest/
    );
  });

  it('refuses a host that is not https, with the example to follow', () => {
    expect(() => stampHost('http://x', checkedIn())).toThrow(
      new Error('--host must be an https origin such as https://records.contoso.com; got http://x')
    );
    for (const host of ['records.contoso.com', 'ftp://records.contoso.com', 'javascript:alert(1)', '//records.contoso.com', '']) {
      expect(() => stampHost(host, checkedIn())).toThrow(/^--host must be an https origin such as https:\/\/records\.contoso\.com; got /);
    }
  });

  it.each([
    ['a path', 'https://records.contoso.com/custodian'],
    ['a query', 'https://records.contoso.com?x=1'],
    ['a fragment', 'https://records.contoso.com#top'],
    ['credentials', 'https://user:secret@records.contoso.com'],
    ['a quote that would end an XML attribute', 'https://records.contoso.com"/><Evil a="'],
    ['an angle bracket', 'https://records.contoso.com<script>'],
    ['an apostrophe', "https://records.contoso.com'"],
    ['an ampersand', 'https://records.contoso.com&amp;'],
    ['a space', 'https://records contoso.com'],
    ['a backslash', 'https://records.contoso.com\\@evil.example'],
    ['a newline', 'https://records.contoso.com\nX-Evil: 1'],
    ['a non-ASCII name (use its xn-- form)', 'https://bücher.example'],
    ['an empty label', 'https://records..contoso.com'],
    ['a port out of range', 'https://records.contoso.com:99999']
  ])('refuses an origin with %s', (_what, host) => {
    expect(() => stampHost(host, checkedIn())).toThrow(/^--host /);
  });

  it('shows hidden characters in the refused host', () => {
    expect(() => parseDeploymentOrigin('https://a.example\n')).not.toThrow();
    expect(() => parseDeploymentOrigin('https://a.exa mple')).toThrow(/got "https:\/\/a\.exa mple"$/);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters and nothing else', () => {
    expect(escapeXml(`a&b<c>d"e'f/g:h`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f/g:h');
  });
});
