import { messageSubjectFromGraph } from '../../src/addin/hosts/demoMessage';
import { fileStepsFromResult, plannedFileSteps } from '../../src/addin/paneServices';

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
