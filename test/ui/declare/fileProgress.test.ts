import { fileStepsFromResult, plannedFileSteps } from '../../../src/ui/declare/fileProgress';

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
