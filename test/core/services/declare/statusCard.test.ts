// What the status card shows before and right after a declaration, when a step did not go as asked: the
// classification that could not be read, removed or left; a label step that failed; the retention end.
import type { RetentionEndResult } from '../../../../src/core/domain/retentionEnd';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import type { DeclareStepResult, DeclareStep } from '../../../../src/core/services/declareRecord/DeclareRecordResult';
import type { RecordStatus } from '../../../../src/core/services/declare/RecordStatus';
import { documentStatus, statusAfterDeclare } from '../../../../src/core/services/declare/documentStatus';
import type { SentDeclaration } from '../../../../src/core/services/declare/declareDocument';
import type { ResolvedDocument } from '../../../../src/core/services/resolveDocument/ResolvedDocument';

const options = [
  { id: 'general-id', name: 'General', rank: 1 },
  { id: 'conf-id', name: 'Confidential / All staff', rank: 2 }
];

const endsIn2030: RetentionEndResult = {
  ok: true,
  kind: 'date',
  endsAt: '2030-01-01T00:00:00Z',
  endDate: '2030-01-01',
  action: 'delete'
} as RetentionEndResult;
const endsIn2040: RetentionEndResult = { ...endsIn2030, endsAt: '2040-01-01T00:00:00Z', endDate: '2040-01-01' } as RetentionEndResult;

const before: RecordStatus = {
  itemName: 'Lease.docx',
  location: 'Contracts',
  classification: { id: 'conf-id', name: 'Confidential / All staff' },
  retentionLabel: { name: 'General Correspondence - 2 Years', appliedAt: '2025-01-01T00:00:00Z', isExplicit: true },
  state: { behavior: 'retain', isLocked: false },
  retentionEnd: endsIn2030
};

const failure = new CustodianError({
  status: 409,
  code: 'conflict',
  serviceMessage: '',
  source: 'graph',
  what: 'x',
  why: 'y',
  whatToDo: 'z'
});

function sent(outcomes: Partial<Record<DeclareStep, DeclareStepResult['status']>>, extra: Partial<SentDeclaration> = {}): SentDeclaration {
  const steps = (['fields', 'peopleAndTerms', 'retentionLabel', 'lock', 'sensitivityLabel'] as const).map((step) => ({
    step,
    status: outcomes[step] ?? 'unchanged',
    ...(outcomes[step] === 'failed' ? { error: failure } : {})
  }));
  const failed = steps.some((s) => s.status === 'failed' || s.status === 'notAttempted');
  return { status: failed ? 'partial' : 'declared', steps, record: before.state, ...extra };
}

const now = '2026-02-01T10:00:00.000Z';

describe('the status card after a declaration', () => {
  it('shows the new label, applied now and explicitly, and the retention end the service recalculated', () => {
    const after = statusAfterDeclare(
      before,
      options,
      { retentionLabel: 'Contracts - 10 Years After Expiry', fields: {}, lock: true },
      sent({ retentionLabel: 'done', lock: 'done' }, { record: { behavior: 'retainAsRecord', isLocked: true }, retention: endsIn2040 }),
      now
    );
    expect(after.retentionLabel).toEqual({ name: 'Contracts - 10 Years After Expiry', appliedAt: now, isExplicit: true });
    expect(after.state).toEqual({ behavior: 'retainAsRecord', isLocked: true });
    expect(after.retentionEnd).toEqual(endsIn2040);
    expect(after.classification).toEqual(before.classification);
    expect(after).toMatchObject({ itemName: 'Lease.docx', location: 'Contracts' });
  });

  it('keeps the old label, record state and retention end when the label step failed', () => {
    const after = statusAfterDeclare(
      before,
      options,
      { retentionLabel: 'Contracts - 10 Years After Expiry', fields: {}, lock: true },
      sent({ retentionLabel: 'failed', lock: 'notAttempted' }),
      now
    );
    expect(after.retentionLabel).toEqual(before.retentionLabel);
    expect(after.state).toEqual(before.state);
    expect(after.retentionEnd).toEqual(endsIn2030);
  });

  it("never shows the old label's retention end under a new label the service gave no end for", () => {
    const after = statusAfterDeclare(
      before,
      options,
      { retentionLabel: 'Contracts - 10 Years After Expiry', fields: {}, lock: true },
      sent({ retentionLabel: 'done' }),
      now
    );
    expect(after.retentionLabel?.name).toBe('Contracts - 10 Years After Expiry');
    expect(after.retentionEnd).toBeUndefined();
  });

  it('shows no classification once it was removed, and names a new one from the options offered', () => {
    const removed = statusAfterDeclare(
      before,
      options,
      { retentionLabel: before.retentionLabel!.name, sensitivityLabelId: '', justification: 'Public now', fields: {}, lock: false },
      sent({ sensitivityLabel: 'done' }),
      now
    );
    expect(removed.classification).toBeNull();
    const lowered = statusAfterDeclare(
      before,
      options,
      { retentionLabel: before.retentionLabel!.name, sensitivityLabelId: 'general-id', fields: {}, lock: false },
      sent({ sensitivityLabel: 'done' }),
      now
    );
    expect(lowered.classification).toEqual({ id: 'general-id', name: 'General' });
    // A label the options do not name (the tenant's labels were not read) is shown by its id rather than hidden.
    const unnamed = statusAfterDeclare(
      before,
      undefined,
      { retentionLabel: before.retentionLabel!.name, sensitivityLabelId: 'general-id', fields: {}, lock: false },
      sent({ sensitivityLabel: 'done' }),
      now
    );
    expect(unnamed.classification).toEqual({ id: 'general-id', name: 'general-id' });
  });

  it('keeps the old classification when the sensitivity step failed or was not sent', () => {
    for (const status of ['failed', 'notAttempted'] as const) {
      const after = statusAfterDeclare(
        before,
        options,
        { retentionLabel: before.retentionLabel!.name, sensitivityLabelId: '', justification: 'x', fields: {}, lock: false },
        sent({ sensitivityLabel: status }),
        now
      );
      expect(after.classification).toEqual(before.classification);
    }
  });
});

describe('the status card of a document as read', () => {
  const document: ResolvedDocument = {
    ref: { driveId: 'b!d', itemId: '01X' },
    name: 'Budget.xlsx',
    webUrl: 'https://contoso.sharepoint.com/sites/finance/Shared%20Documents/Budget.xlsx',
    created: '2024-03-01T09:00:00Z',
    modified: '2025-06-01T09:00:00Z',
    retentionLabel: null,
    record: { behavior: null, isLocked: false },
    restrictions: {} as ResolvedDocument['restrictions'],
    sensitivityLabels: []
  };

  it("says 'unknown' (not 'none') when the file's sensitivity labels could not be read", () => {
    const unread = documentStatus({ ...document, sensitivityLabelsError: failure }, [], options, undefined);
    expect(unread.classification).toBeUndefined();
    expect(documentStatus(document, [], options, undefined).classification).toBeNull();
  });

  it('names the classification from the options, or by its id when the tenant labels were not read', () => {
    // extractSensitivityLabels' sensitivityLabelAssignment: { assignmentMethod, sensitivityLabelId, tenantId }.
    const labelled = {
      ...document,
      sensitivityLabels: [{ assignmentMethod: 'standard' as const, sensitivityLabelId: 'conf-id', tenantId: 't' }]
    };
    expect(documentStatus(labelled, [], options, 'Finance').classification).toEqual({ id: 'conf-id', name: 'Confidential / All staff' });
    expect(documentStatus(labelled, [], undefined, 'Finance').classification).toEqual({ id: 'conf-id', name: 'conf-id' });
  });

  it('shows a label from a library default as not explicit, with no retention end for a label outside the file plan', () => {
    const status = documentStatus(
      {
        ...document,
        retentionLabel: { name: 'Retired Label', appliedAt: '2025-06-01T09:00:00Z', isAppliedExplicitly: false },
        record: { behavior: 'retain', isLocked: false }
      },
      [],
      undefined,
      undefined
    );
    expect(status.retentionLabel).toEqual({ name: 'Retired Label', appliedAt: '2025-06-01T09:00:00Z', isExplicit: false });
    expect(status.retentionEnd).toBeUndefined();
    expect(status.location).toBeUndefined();
  });
});
