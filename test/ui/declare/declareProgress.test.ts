import { stepsFromResult } from '../../../src/ui/declare/declareProgress';

describe('declare steps', () => {
  it('shows steps not sent, unchanged and failed, and leaves out steps not asked for', () => {
    const steps = stepsFromResult(
      {
        status: 'partial',
        record: { behavior: null, isLocked: false },
        steps: [
          { step: 'fields', status: 'failed' },
          { step: 'retentionLabel', status: 'notAttempted' },
          { step: 'lock', status: 'unchanged' },
          { step: 'sensitivityLabel', status: 'unchanged' }
        ]
      },
      new Set(['fields', 'retentionLabel', 'lock'])
    );
    expect(steps.map((s) => [s.id, s.state])).toEqual([
      ['fields', 'failed'],
      ['retentionLabel', 'skipped'],
      ['lock', 'skipped']
    ]);
    expect(steps[1].detail).toBe('Not sent, because an earlier step failed.');
  });
});
