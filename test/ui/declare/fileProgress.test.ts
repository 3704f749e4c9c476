import { filedView, fileStepsFromResult, plannedFileSteps } from '../../../src/ui/declare/fileProgress';

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
        ],
        attachments: []
      },
      request
    );
    expect(steps.find((s) => s.id === 'upload')).toMatchObject({ state: 'skipped', detail: 'Already filed: the first copy is kept.' });
    expect(steps.find((s) => s.id === 'category')).toMatchObject({ state: 'done' });
  });

  it('says what a re-filing did with attachments: filed beside the first copy now, or already there', () => {
    const refiled = (attachments: { fileName: string; item?: typeof item; alreadyFiled?: boolean }[], status: 'done' | 'unchanged') =>
      filedView(
        'Email Archive',
        request,
        { status: 'alreadyFiled', item, steps: [{ step: 'attachments', status }], attachments },
        { includeAttachments: true }
      );
    const added = refiled(
      [
        { fileName: 'a.pdf', item: { ...item, name: 'Hello - a.pdf' } },
        { fileName: 'b.pdf', alreadyFiled: true }
      ],
      'done'
    );
    expect(added.summary).toBe(
      'This email was already filed as "Hello.eml" in Email Archive. That first copy is kept: no second copy was made. One attachment was filed beside it now.'
    );
    expect(added.steps.find((s) => s.id === 'attachments')).toMatchObject({ state: 'done' });
    const there = refiled([{ fileName: 'b.pdf', alreadyFiled: true }], 'unchanged');
    expect(there.summary).not.toMatch(/attachment/);
    expect(there.steps.find((s) => s.id === 'attachments')).toMatchObject({
      state: 'skipped',
      detail: 'Already filed beside the first copy.'
    });
  });
});
