import { detectHost, supportsNaa } from '../../../src/addin/hosts/detectHost';
import { createDemoHost, demoDocuments } from '../../../src/addin/hosts/demo';

describe('detectHost', () => {
  it('chooses Word, Outlook read and Outlook compose', () => {
    expect(detectHost({ host: 'Word' })).toBe('word');
    expect(detectHost({ host: 'Outlook' }, { item: { displayReplyForm: () => undefined } })).toBe('outlookRead');
    expect(detectHost({ host: 'Outlook' }, { item: { subject: {} } })).toBe('outlookCompose');
  });

  it('refuses other hosts and an Outlook pane with no item, saying what to do', () => {
    expect(() => detectHost({ host: 'Excel' })).toThrow(
      expect.objectContaining({ code: 'unsupportedHost', whatToDo: 'Open Custodian from Word or Outlook.' })
    );
    expect(() => detectHost({ host: 'Outlook' }, {})).toThrow(expect.objectContaining({ code: 'noItem' }));
  });

  it('reads NAA support from the requirement set, and a host that throws as unsupported', () => {
    expect(supportsNaa({ isSetSupported: (name, version) => name === 'NestedAppAuth' && version === '1.1' })).toBe(true);
    expect(supportsNaa({ isSetSupported: () => false })).toBe(false);
    expect(
      supportsNaa({
        isSetSupported: () => {
          throw new Error('no requirements');
        }
      })
    ).toBe(false);
  });
});

describe('demo host', () => {
  it('opens a dev tenant document by its SharePoint URL, as Word would give it', async () => {
    const subject = await createDemoHost({ kind: 'document', id: 'contract' }).readSubject();
    expect(subject).toMatchObject({ kind: 'document', savedToCloud: true, url: demoDocuments[0].url, title: demoDocuments[0].title });
  });

  it('opens an unsaved demo document as not saved', async () => {
    expect(await createDemoHost({ kind: 'document', id: 'unsaved' }).readSubject()).toMatchObject({ url: undefined, savedToCloud: false });
  });

  it('keeps mirrored custom properties for the session', async () => {
    const host = createDemoHost({ kind: 'document', id: 'contract' });
    await host.mirrorMetadata!({ RetentionLabel: 'Contracts - 7 Years' });
    expect(await host.readSubject()).toMatchObject({ customProperties: { 'Custodian.RetentionLabel': 'Contracts - 7 Years' } });
  });

  it('says a demo email cannot be opened when no reader is wired', async () => {
    await expect(createDemoHost({ kind: 'message' }).readSubject()).rejects.toMatchObject({ code: 'demoMessageUnavailable' });
  });
});
