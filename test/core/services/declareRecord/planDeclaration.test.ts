import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import type { DeclareRecordContext, DeclareRecordRequest } from '../../../../src/core/services/declareRecord/DeclareRecordRequest';
import { planDeclaration } from '../../../../src/core/services/declareRecord/planDeclaration';
import type { ResolvedDocument } from '../../../../src/core/services/resolveDocument/ResolvedDocument';

// What a declaration asks of the office worker before anything is sent, decided from Microsoft's rules:
// - a justification whenever a sensitivity label is lowered or removed ("Require users to provide a justification
//   to remove a label or lower its classification", https://learn.microsoft.com/purview/sensitivity-labels#what-label-policies-can-do),
//   labels ordered by their `sensitivity` (Graph's sensitivityLabel resource; the lower the number, the less
//   sensitive), a parent label with sublabels not appliable itself (`isAppliable: false`);
// - columns SharePoint keeps for itself are not written; a person needs an email address and a term an id and a label.
// Each refusal must tell the person what, why and what to do; every word below is written by hand, not read back.

// As Graph lists them (security/informationProtection/sensitivityLabels), parents with their sublabels.
const sensitivityLabels = [
  { id: 'public', name: 'Public', sensitivity: 0, isAppliable: true },
  { id: 'general', name: 'General', sensitivity: 1, isAppliable: true },
  {
    id: 'confidential',
    name: 'Confidential',
    sensitivity: 2,
    isAppliable: false,
    sublabels: [{ id: 'confidential-all', name: 'All Employees', sensitivity: 3, isAppliable: true }]
  },
  { id: 'secret', name: 'Highly Confidential', sensitivity: 4, isAppliable: true },
  // A tenant whose labels carry only their priority (older answers): the order is read from it.
  { id: 'legacy-low', name: 'Legacy Low', priority: 1, isAppliable: true },
  { id: 'legacy-high', name: 'Legacy High', priority: 5, isAppliable: true }
] as unknown as SensitivityLabel[];

const filePlan: FilePlanLabel[] = [
  {
    name: 'Contracts - 10 Years',
    retention: {
      behavior: 'retainAsRecord',
      action: 'delete',
      trigger: 'dateCreated',
      duration: { kind: 'days', days: 3650 },
      dispositionStages: []
    },
    descriptors: {}
  }
] as unknown as FilePlanLabel[];

const longName = `${'Quarterly board pack '.repeat(5)}final.docx`;

function document(over: Partial<ResolvedDocument> = {}): ResolvedDocument {
  return {
    ref: { driveId: 'd', itemId: 'i' },
    name: "O'Brien contract.docx",
    webUrl: 'https://contoso.sharepoint.com/sites/legal/Contracts/x.docx',
    created: '2030-01-01T00:00:00Z',
    modified: '2030-01-01T00:00:00Z',
    listItem: { list: { siteId: 's', listId: 'l' }, id: '7', eTag: '"1"', fields: {} },
    retentionLabel: null,
    record: { behavior: null, isLocked: false },
    restrictions: {} as ResolvedDocument['restrictions'],
    sensitivityLabels: [],
    ...over
  };
}
const context: DeclareRecordContext = { filePlan, sensitivityLabels, now: Date.parse('2030-06-01T00:00:00Z') };
const labelled = (id: string): Partial<ResolvedDocument> => ({
  sensitivityLabels: [{ sensitivityLabelId: id, assignmentMethod: 'standard' }]
});

function refused(request: DeclareRecordRequest, over: Partial<ResolvedDocument> = {}, ctx = context) {
  const result = planDeclaration(document(over), request, ctx);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}
function planned(request: DeclareRecordRequest, over: Partial<ResolvedDocument> = {}, ctx = context) {
  const result = planDeclaration(document(over), request, ctx);
  if (!result.ok) throw new Error(`expected a plan, got: ${result.error.what} ${result.error.why}`);
  return result.plan;
}

describe('sensitivity labels', () => {
  it('asks why before lowering a label, and sends the reason with the change', () => {
    expect(refused({ sensitivityLabelId: 'general' }, labelled('confidential-all'))).toMatchObject({
      code: 'justificationRequired',
      what: "Custodian needs a reason to lower the sensitivity label of 'O'Brien contract.docx'.",
      why: 'Microsoft 365 requires a justification whenever a sensitivity label is lowered or removed.',
      whatToDo: 'Write why in the justification box, then declare again.'
    });
    expect(refused({ sensitivityLabelId: 'general', justification: '   ' }, labelled('confidential-all')).code).toBe(
      'justificationRequired'
    );
    expect(
      planned({ sensitivityLabelId: 'general', justification: ' Shared with the auditors ' }, labelled('confidential-all')).sensitivity
    ).toEqual({
      sensitivityLabelId: 'general',
      justificationText: 'Shared with the auditors'
    });
  });

  it('asks why before removing a label', () => {
    expect(refused({ sensitivityLabelId: '' }, labelled('public'))).toMatchObject({
      code: 'justificationRequired',
      what: "Custodian needs a reason to remove the sensitivity label of 'O'Brien contract.docx'."
    });
    expect(planned({ sensitivityLabelId: '', justification: 'Published' }, labelled('public')).sensitivity).toEqual({
      sensitivityLabelId: '',
      justificationText: 'Published'
    });
  });

  it('raises a label, or labels an unlabelled file, without asking why', () => {
    expect(planned({ sensitivityLabelId: 'secret' }, labelled('general')).sensitivity).toEqual({ sensitivityLabelId: 'secret' });
    expect(planned({ sensitivityLabelId: 'public' }).sensitivity).toEqual({ sensitivityLabelId: 'public' });
    expect(planned({ sensitivityLabelId: 'confidential-all' }, labelled('general')).sensitivity).toEqual({
      sensitivityLabelId: 'confidential-all'
    });
    // The same order read from priorities.
    expect(planned({ sensitivityLabelId: 'legacy-high' }, labelled('legacy-low')).sensitivity).toEqual({
      sensitivityLabelId: 'legacy-high'
    });
    expect(refused({ sensitivityLabelId: 'legacy-low' }, labelled('legacy-high')).code).toBe('justificationRequired');
  });

  it('sends nothing for the label the file already has', () => {
    expect(planned({ sensitivityLabelId: 'general' }, labelled('general')).sensitivity).toBeUndefined();
  });

  it('refuses a label that is not offered, or a group of labels, saying what to choose', () => {
    expect(refused({ sensitivityLabelId: 'top-secret' })).toMatchObject({
      code: 'unknownSensitivityLabel',
      what: "Custodian can't apply that sensitivity label to 'O'Brien contract.docx'.",
      why: 'The label is not one of the sensitivity labels available to you.',
      whatToDo: 'Choose a sensitivity label from the list.'
    });
    expect(refused({ sensitivityLabelId: 'general' }, {}, { ...context, sensitivityLabels: undefined }).code).toBe(
      'unknownSensitivityLabel'
    );
    expect(refused({ sensitivityLabelId: 'confidential' })).toMatchObject({
      code: 'labelNotAppliable',
      what: "Custodian can't apply the sensitivity label 'Confidential'.",
      why: 'It is a group of labels, not a label: it has sublabels.',
      whatToDo: 'Choose one of its sublabels.'
    });
  });
});

describe('columns', () => {
  it('refuses a column SharePoint keeps for itself, naming it and the file (long names shortened)', () => {
    expect(refused({ fields: { _ComplianceTag: 'x' } }, { name: longName })).toMatchObject({
      code: 'readOnlyField',
      what: `Custodian won't change the column '_ComplianceTag' of '${longName.slice(0, 77)}...'.`,
      why: 'It is not a column that can be written (labels, ids and dates are kept by SharePoint itself).',
      whatToDo: 'Leave that column out, or choose a column of the library.'
    });
    const eighty = 'x'.repeat(75) + '.docx';
    expect(refused({ fields: { Modified: 'x' } }, { name: eighty }).what).toBe(
      `Custodian won't change the column 'Modified' of '${eighty}'.`
    );
  });

  it('refuses properties for a file that is in no library', () => {
    expect(refused({ fields: { Department: 'Legal' } }, { listItem: undefined })).toMatchObject({
      code: 'noListItem',
      what: "Custodian can't save properties for 'O'Brien contract.docx'.",
      why: 'The document is not in a SharePoint library, so it has no columns.',
      whatToDo: 'Move it into a library, or leave the properties empty.'
    });
  });

  it('refuses a person without an email address and a term without an id or a label, before anything is sent', () => {
    for (const email of ['', '   '])
      expect(refused({ fields: { Owner: { kind: 'person', email } } })).toMatchObject({
        code: 'invalidFieldValue',
        what: "Custodian can't save the column 'Owner' of 'O'Brien contract.docx'.",
        why: 'The person has no email address.',
        whatToDo: 'Enter the email address of someone in your organisation.'
      });
    for (const term of [
      { termId: ' ', label: 'Legal' },
      { termId: 'f00d', label: ' ' }
    ])
      expect(refused({ fields: { Topic: { kind: 'term', ...term } } })).toMatchObject({
        code: 'invalidFieldValue',
        why: 'The term has no label or no id.',
        whatToDo: 'Choose a term from the list.'
      });
  });

  it('keeps plain values for Graph, and an object that is not a person or a term as a plain value', () => {
    const plan = planned({ fields: { Department: 'Legal', Extra: { kind: 'other' }, Nothing: null } });
    expect(plan.fields).toEqual({ Department: 'Legal', Extra: { kind: 'other' }, Nothing: null });
    expect(plan.peopleAndTerms).toBeUndefined();
  });
});

describe('retention labels', () => {
  it('refuses a label that is not in the file plan, saying whom to ask', () => {
    expect(refused({ retentionLabel: 'Contracts - 11 Years' })).toMatchObject({
      code: 'unknownLabel',
      what: "Custodian can't apply the retention label 'Contracts - 11 Years'.",
      why: 'There is no label of that name in the file plan.',
      whatToDo: 'Choose a label from the list; ask your records manager if the one you need is missing.'
    });
  });

  it('sends no label for the one the file carries already, whatever its case', () => {
    const plan = planned({ retentionLabel: 'contracts - 10 years' }, { retentionLabel: { name: 'Contracts - 10 Years' } });
    expect(plan.label).toBeUndefined();
    expect(plan.finalLabel?.name).toBe('Contracts - 10 Years');
  });

  it('leaves the state it was given as it was', () => {
    const over = { record: { behavior: null, isLocked: false } };
    const plan = planned({ retentionLabel: 'Contracts - 10 Years', lock: false }, over);
    expect(plan.after).toEqual({ behavior: 'retainAsRecord', isLocked: false });
    expect(plan.afterLabel).toEqual({ behavior: 'retainAsRecord', isLocked: true });
    expect(over.record).toEqual({ behavior: null, isLocked: false });
  });
});
