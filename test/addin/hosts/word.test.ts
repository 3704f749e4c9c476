import { OfficeMockObject } from 'office-addin-mock';
import { CustodianError } from '../../../src/core/http/CustodianError';
import { createWordHost, customPropertyMaxLength, fileNameOf, isCloudUrl } from '../../../src/addin/hosts/word';

const contractUrl = 'https://contoso.sharepoint.com/sites/legal/Contracts/NDA%20%2342.docx';

interface Added {
  key: string;
  value: string;
}

/** A Word document as office-addin-mock models it: properties must be loaded and synced before they are read. */
function wordMock(options: { title?: string; items?: { key: string; value: string }[] } = {}): { mock: OfficeMockObject; added: Added[] } {
  const added: Added[] = [];
  const mock = new OfficeMockObject({
    context: {
      document: {
        properties: {
          title: options.title ?? 'Board minutes 2026',
          subject: 'Minutes',
          author: 'Ana Ortiz',
          keywords: 'board; minutes',
          category: 'Governance',
          customProperties: {
            items: options.items ?? [],
            add: (key: string, value: string) => {
              added.push({ key, value });
            }
          }
        }
      }
    }
  });
  return { mock, added };
}

function hostFor(mock: OfficeMockObject, url: string | null = contractUrl): ReturnType<typeof createWordHost> {
  const context = (mock as unknown as { context: Word.RequestContext }).context;
  return createWordHost({ document: { url }, run: (batch) => batch(context) });
}

describe('Word host adapter', () => {
  it('reads the URL and the loaded built-in properties of a document saved to SharePoint', async () => {
    const { mock } = wordMock();
    const subject = await hostFor(mock).readSubject();
    expect(subject).toEqual({
      kind: 'document',
      url: contractUrl,
      savedToCloud: true,
      title: 'Board minutes 2026',
      properties: {
        title: 'Board minutes 2026',
        subject: 'Minutes',
        author: 'Ana Ortiz',
        keywords: 'board; minutes',
        category: 'Governance'
      },
      customProperties: {}
    });
  });

  it("keeps only Custodian's own custom properties", async () => {
    const { mock } = wordMock({
      items: [
        { key: 'Custodian.RetentionLabel', value: 'Contracts - 7 Years' },
        { key: 'MSIP_Label_1234_Enabled', value: 'true' }
      ]
    });
    const subject = await hostFor(mock).readSubject();
    expect(subject.kind === 'document' && subject.customProperties).toEqual({ 'Custodian.RetentionLabel': 'Contracts - 7 Years' });
  });

  it('falls back to the file name when the document has no title', async () => {
    const { mock } = wordMock({ title: '' });
    const subject = await hostFor(mock).readSubject();
    expect(subject.kind === 'document' && subject.title).toBe('NDA #42.docx');
  });

  it('says a new document is not saved to the cloud', async () => {
    const { mock } = wordMock();
    const subject = await hostFor(mock, '').readSubject();
    expect(subject).toMatchObject({ kind: 'document', url: undefined, savedToCloud: false });
  });

  it('says a document saved on this computer is not saved to the cloud', async () => {
    const { mock } = wordMock();
    const subject = await hostFor(mock, 'C:\\Users\\ana\\Documents\\Plan.docx').readSubject();
    expect(subject).toMatchObject({ savedToCloud: false, title: 'Board minutes 2026' });
  });

  it("mirrors the declaration's key metadata into custom properties, prefixed and cut to Word's limit", async () => {
    const { mock, added } = wordMock();
    const long = 'x'.repeat(300);
    await hostFor(mock).mirrorMetadata!({ RetentionLabel: 'Contracts - 7 Years', Note: long });
    expect(added[0]).toEqual({ key: 'Custodian.RetentionLabel', value: 'Contracts - 7 Years' });
    expect(added[1].key).toBe('Custodian.Note');
    expect(added[1].value).toHaveLength(customPropertyMaxLength);
    expect(added[1].value.endsWith('…')).toBe(true);
  });

  it('turns a failed Word.run into an error that says what failed and what to do', async () => {
    const failing = createWordHost({
      document: { url: contractUrl },
      run: () => Promise.reject(Object.assign(new Error('The document is read-only.'), { code: 'AccessDenied' }))
    });
    const error = await failing.readSubject().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustodianError);
    expect(error).toMatchObject({
      code: 'wordRunFailed',
      what: "Custodian couldn't read the document's properties.",
      why: 'Word answered: The document is read-only.',
      serviceMessage: 'AccessDenied: The document is read-only.'
    });
    expect((error as CustodianError).whatToDo).toMatch(/open it for editing/);
  });

  it('reports a failed mirror the same way, so the pane can say the record is declared but the copy is missing', async () => {
    const failing = createWordHost({ document: { url: contractUrl }, run: () => Promise.reject(new Error('General exception')) });
    await expect(failing.mirrorMetadata!({ RetentionLabel: 'x' })).rejects.toMatchObject({
      what: "Custodian couldn't note the declaration in the document's properties."
    });
  });
});

describe('document URLs', () => {
  it.each([
    ['https://contoso.sharepoint.com/sites/a/Doc.docx', true],
    ['https://contoso-my.sharepoint.com/personal/ana/Documents/Doc.docx', true],
    ['http://intranet/Doc.docx', false],
    ['C:\\Doc.docx', false],
    ['', false],
    [undefined, false]
  ])('%s is in the cloud: %s', (url, expected) => {
    expect(isCloudUrl(url)).toBe(expected);
  });

  it('decodes the file name, and keeps it as it is when it is not valid percent-encoding', () => {
    expect(fileNameOf('https://x/sites/a/R%C3%A9sum%C3%A9%20%F0%9F%9A%80.docx?web=1')).toBe('Résumé 🚀.docx');
    expect(fileNameOf('https://x/a/100%.docx')).toBe('100%.docx');
    expect(fileNameOf(undefined)).toBeUndefined();
  });
});
