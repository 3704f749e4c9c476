import { readAddinInfo, validateAddinManifest, LOCAL_ORIGIN } from '../../scripts/lib/manifests';
import { addinXml } from './files';

// xmllint-wasm compiles five XSDs per call and readAddinInfo starts a Node process: allow for a slow CI core.
jest.setTimeout(30_000);

const WORD_ADDIN_ID = '80b74690-25a2-48d6-bc82-c5a7c625feaa';

function replaced(xml: string, search: string | RegExp, replacement: string): string {
  const next = xml.replace(search, replacement);
  if (next === xml) throw new Error(`test setup: ${String(search)} is not in manifest.xml`);
  return next;
}

describe('manifest.xml (Word add-in)', () => {
  it('validates against Microsoft’s XSDs', async () => {
    await expect(validateAddinManifest(addinXml())).resolves.toEqual({ valid: true, errors: [] });
  });

  it('is a Word task pane add-in with a Home tab button that opens the task pane', () => {
    const xml = addinXml();
    expect(xml).toMatch(/<OfficeApp\b[^>]*xsi:type="TaskPaneApp"/);
    expect(xml).toContain(`<Id>${WORD_ADDIN_ID}</Id>`);
    expect(xml).toContain('<Version>1.0.0.0</Version>');
    expect(xml).toContain('<ProviderName>Custodian</ProviderName>');
    expect(xml).toContain('<DisplayName DefaultValue="Custodian"/>');
    expect(xml).toContain('<Host Name="Document"/>');
    expect(xml).toContain('<Host xsi:type="Document">');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).toContain('<Set Name="WordApi" MinVersion="1.3"/>');
    expect(xml).toContain(`<SourceLocation DefaultValue="${LOCAL_ORIGIN}/addin/taskpane.html"/>`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${LOCAL_ORIGIN}/"/>`);
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${LOCAL_ORIGIN}/addin/taskpane.html"/>`);
  });

  it('uses the local origin for every URL', () => {
    const urls = addinXml()
      .replace(/<!--[\s\S]*?-->/g, '')
      .match(/https?:\/\/[^"<\s]+/g)!
      .filter((url) => !url.startsWith('http://schemas.microsoft.com/') && !url.startsWith('http://www.w3.org/'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${LOCAL_ORIGIN}/`)).toBe(true);
  });

  it('rejects a bad <Id>, naming the element and the value', async () => {
    const result = await validateAddinManifest(replaced(addinXml(), `<Id>${WORD_ADDIN_ID}</Id>`, '<Id>not-a-guid</Id>'));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.stringMatching(/^line \d+: Element 'Id': \[facet 'pattern'\] The value 'not-a-guid'/)]);
  });

  it('rejects a manifest missing <DefaultSettings>, naming what was expected', async () => {
    const result = await validateAddinManifest(replaced(addinXml(), /<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, ''));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Element 'Permissions': This element is not expected\. Expected is \( DefaultSettings \)/);
  });

  it('rejects a manifest missing <Permissions>', async () => {
    const result = await validateAddinManifest(replaced(addinXml(), /<Permissions>\w+<\/Permissions>/, ''));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Expected is \( Permissions \)/);
  });

  it('rejects an unknown permission', async () => {
    const result = await validateAddinManifest(
      replaced(addinXml(), '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>')
    );
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Element 'Permissions'.*'Everything'/);
  });

  it('rejects a resource id longer than Office’s 32 characters', async () => {
    const long = 'Taskpane.Url.ThatIsFarTooLongForOffice';
    const xml = addinXml().split('"Taskpane.Url"').join(`"${long}"`);
    const result = await validateAddinManifest(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/maxLength/);
  });

  it('rejects a resid that names no resource, which the XSDs alone accept', async () => {
    const result = await validateAddinManifest(
      replaced(addinXml(), '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Gone"/>')
    );
    expect(result).toEqual({
      valid: false,
      errors: [expect.stringContaining('resid "Taskpane.Gone" is used but not declared under <Resources>')]
    });
  });

  it('rejects a resource id declared twice', async () => {
    const duplicate = '<bt:Url id="Support.Url" DefaultValue="https://localhost:4321/help"/>';
    const result = await validateAddinManifest(replaced(addinXml(), '</bt:Urls>', `  ${duplicate}\n      </bt:Urls>`));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.stringContaining('resource id "Support.Url" is declared 2 times')]);
  });

  it('reports XML that is not well formed', async () => {
    const result = await validateAddinManifest('<OfficeApp');
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/^line 1: parser error/);
  });

  it('reads id, version and hosts with office-addin-manifest, offline', async () => {
    await expect(readAddinInfo(addinXml())).resolves.toEqual({
      id: WORD_ADDIN_ID,
      version: '1.0.0.0',
      hosts: ['Document'],
      displayName: 'Custodian',
      providerName: 'Custodian',
      sourceLocation: `${LOCAL_ORIGIN}/addin/taskpane.html`
    });
  });
});
