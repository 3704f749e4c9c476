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
      new Set(['fields', 'retentionLabel', 'lock']),
      { lock: true }
    );
    expect(steps.map((s) => [s.id, s.state])).toEqual([
      ['fields', 'failed'],
      ['retentionLabel', 'skipped'],
      ['lock', 'skipped']
    ]);
    expect(steps[1].detail).toBe('Not sent, because an earlier step failed.');
  });

  it('names the lock step by the way it goes: an unlock is never "Lock the record"', () => {
    const result = {
      status: 'declared' as const,
      record: { behavior: 'retainAsRecord' as const, isLocked: false },
      steps: [{ step: 'lock' as const, status: 'done' as const }]
    };
    expect(stepsFromResult(result, new Set(['lock']), { lock: false })).toEqual([
      { id: 'lock', label: 'Unlock the record', state: 'done' }
    ]);
    expect(stepsFromResult(result, new Set(['lock']), { lock: true })[0].label).toBe('Lock the record');
  });
});
