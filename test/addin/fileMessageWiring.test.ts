import { messageSubjectFromGraph } from '../../src/addin/hosts/demoMessage';
import { fileStepsFromResult, messageSpecs, plannedFileSteps } from '../../src/addin/paneServices';

const request = { retentionLabel: 'Email - 3 Years', fields: {}, lock: false };
const item = { driveId: 'd', itemId: 'i', name: 'Hello.eml', webUrl: 'https://x/Hello.eml' };

describe('filing steps', () => {
  it('plans the attachments step only when asked', () => {
    expect(plannedFileSteps(request).map((s) => s.id)).toEqual(['upload', 'fields', 'retentionLabel', 'category']);
    expect(plannedFileSteps(request, { includeAttachments: true }).map((s) => s.id)).toContain('attachments');
  });

  it('says an email filed before keeps its first copy', () => {
    const steps = fileStepsFromResult(
      {
        status: 'alreadyFiled',
        item,
        steps: [
          { step: 'upload', status: 'unchanged' },
          { step: 'fields', status: 'unchanged' },
          { step: 'retentionLabel', status: 'unchanged' },
          { step: 'attachments', status: 'unchanged' },
          { step: 'category', status: 'done' }
        ]
      },
      request
    );
    expect(steps.find((s) => s.id === 'upload')).toMatchObject({ state: 'skipped', detail: 'Already filed: the first copy is kept.' });
    expect(steps.find((s) => s.id === 'category')).toMatchObject({ state: 'done' });
  });
});

describe('the demo email', () => {
  it('is read from Graph as Outlook read mode would give it', () => {
    expect(
      messageSubjectFromGraph({
        id: 'AAMk1',
        internetMessageId: '<1@x>',
        subject: 'Re: Contract "Alpha"',
        from: { emailAddress: { name: 'Sam', address: 'sam@x' } },
        toRecipients: [{ emailAddress: { address: 'ana@x' } }],
        receivedDateTime: '2025-12-13T21:00:00Z'
      })
    ).toEqual({
      kind: 'message',
      restId: 'AAMk1',
      internetMessageId: '<1@x>',
      subject: 'Re: Contract "Alpha"',
      from: { name: 'Sam', address: 'sam@x' },
      to: [{ name: '', address: 'ana@x' }],
      received: '2025-12-13T21:00:00Z',
      attachments: []
    });
  });
});

describe('the columns asked when filing', () => {
  const columns = [
    { name: 'EmailSubject', text: {}, required: true },
    { name: 'Title', text: {}, required: true },
    { name: 'MatterNumber', displayName: 'Matter number', text: {} },
    { name: 'Region', displayName: 'Region', choice: { choices: ['EMEA', 'Americas'] }, required: true },
    { name: 'Owner', displayName: 'Owner', personOrGroup: {} },
    { name: 'Notes', displayName: 'Notes', text: {} }
  ];

  it('asks for what the library or its plan requires beside the email columns, and names what no form can fill', () => {
    const { specs, unfillable } = messageSpecs(columns, ['MatterNumber', 'EmailFrom', 'Owner', 'Gone']);
    expect(specs.map((s) => [s.name, s.kind, s.required])).toEqual([
      ['Region', 'choice', true],
      ['MatterNumber', 'text', true]
    ]);
    expect(unfillable).toEqual(['Owner', 'Gone']);
  });

  it('asks for nothing when only the email columns are required', () => {
    expect(messageSpecs(columns.slice(0, 2), ['EmailSubject'])).toEqual({ specs: [], unfillable: [] });
  });
});
