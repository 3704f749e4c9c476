import type { FilePlanLabel } from '../../../src/core/domain/filePlanLabel';
import { retentionLabelToGraphCreateBody } from '../../../src/core/domain/retentionLabelToGraphCreateBody';

// Outside truth: Microsoft's "Create retentionLabel" example (learn.microsoft.com/graph/api/security-labelsroot-post-
// retentionlabel, v1.0), its request body typed in here by hand. Its template names are those of the example's response
// (Business, Accounts Payable, ...). Three of its slips are not followed: `stageNumber` is a string in v1.0's schema,
// `"reviewersEmailAddresses "` has a stray space (the stages are compared with the schema instead), and the nested
// `@odata.type` lacks the `#` that OData JSON (4.01, section 4.5.3) puts before a type name, as the example's top level has.
const documentedRequest = {
  '@odata.type': '#microsoft.graph.security.retentionLabel',
  displayName: 'Retention Schedule 10005',
  behaviorDuringRetentionPeriod: 'retain',
  actionAfterRetentionPeriod: 'startDispositionReview',
  retentionTrigger: 'dateOfEvent',
  'retentionEventType@odata.bind':
    "https://graph.microsoft.com/beta/security/triggerTypes/retentionEventTypes('e095f4fc-b966-4c40-94de-fb8a383658e4')",
  retentionDuration: { '@odata.type': 'microsoft.graph.security.retentionDurationInDays', days: 2555 },
  descriptionForAdmins: 'retain for 7 years',
  descriptionForUsers: 'retain for 7 years',
  descriptors: {
    'authorityTemplate@odata.bind': "https://graph.microsoft.com/beta/security/labels/authorities('fie3f4fc-b966-4c40-94de-fb8a383658e4')",
    'categoryTemplate@odata.bind': "https://graph.microsoft.com/beta/security/labels/categories('0bjk8-b966-4c40-94de-fb8a383658e4')",
    'citationTemplate@odata.bind': "https://graph.microsoft.com/beta/security/labels/citations('0e23f4fc-b966-4c40-94de-fb8a383658e4')",
    'departmentTemplate@odata.bind': "https://graph.microsoft.com/beta/security/labels/departments('p99ef4fc-b966-4c40-94de-fb8a383658e4')",
    'filePlanReferenceTemplate@odata.bind':
      "https://graph.microsoft.com/beta/security/labels/filePlanReferences('e095f4fc-b966-4c40-94de-fb8a383658e4')"
  },
  defaultRecordBehavior: 'startLocked'
};

const schedule10005: FilePlanLabel = {
  name: 'Retention Schedule 10005',
  descriptionForAdmins: 'retain for 7 years',
  descriptionForUsers: 'retain for 7 years',
  retention: {
    behavior: 'retain',
    action: 'startDispositionReview',
    trigger: 'dateOfEvent',
    duration: { kind: 'days', days: 2555 },
    eventTypeName: 'Contract end',
    dispositionStages: [{ name: 'Stage1', reviewers: ['Admin@contoso.onmicrosoft.com'] }]
  },
  descriptors: {
    authority: 'Business',
    category: 'Accounts Payable',
    citation: { name: 'Contoso Company Policy', url: 'www.citationUrl.com', jurisdiction: 'Contoso' },
    department: 'Finance',
    referenceId: 'FIN 01-02-001'
  }
};

const documentedIds = {
  graphBaseUrl: 'https://graph.microsoft.com/beta',
  eventTypes: { 'Contract end': 'e095f4fc-b966-4c40-94de-fb8a383658e4' },
  authorities: { Business: 'fie3f4fc-b966-4c40-94de-fb8a383658e4' },
  categories: { 'Accounts Payable': '0bjk8-b966-4c40-94de-fb8a383658e4' },
  citations: { 'Contoso Company Policy': '0e23f4fc-b966-4c40-94de-fb8a383658e4' },
  departments: { Finance: 'p99ef4fc-b966-4c40-94de-fb8a383658e4' },
  filePlanReferences: { 'FIN 01-02-001': 'e095f4fc-b966-4c40-94de-fb8a383658e4' }
};

describe("retentionLabelToGraphCreateBody and Microsoft's documented create request", () => {
  it('builds the documented body, binding each file plan descriptor and the event type by id', () => {
    // The documented label has a record behaviour; Purview keeps it only for record labels, so it is a record here.
    const built = retentionLabelToGraphCreateBody(
      { ...schedule10005, retention: { ...schedule10005.retention!, behavior: 'retainAsRecord', defaultRecordBehavior: 'startLocked' } },
      documentedIds
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const { dispositionReviewStages, ...body } = built.body;
    expect(body).toStrictEqual({
      ...documentedRequest,
      behaviorDuringRetentionPeriod: 'retainAsRecord',
      retentionDuration: { ...documentedRequest.retentionDuration, '@odata.type': '#microsoft.graph.security.retentionDurationInDays' }
    });
    expect(dispositionReviewStages).toStrictEqual([
      { stageNumber: '1', name: 'Stage1', reviewersEmailAddresses: ['Admin@contoso.onmicrosoft.com'] }
    ]);
    expect(built.warnings).toStrictEqual([]);
  });

  it('sends no empty descriptors, descriptions, record behaviour or relabel target for a label without them', () => {
    const built = retentionLabelToGraphCreateBody({
      name: 'Minutes',
      retention: {
        behavior: 'retain',
        action: 'delete',
        trigger: 'dateCreated',
        duration: { kind: 'days', days: 365 },
        dispositionStages: []
      },
      descriptors: {}
    });
    expect(built).toStrictEqual({
      ok: true,
      body: {
        '@odata.type': '#microsoft.graph.security.retentionLabel',
        displayName: 'Minutes',
        behaviorDuringRetentionPeriod: 'retain',
        actionAfterRetentionPeriod: 'delete',
        retentionTrigger: 'dateCreated',
        retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 365 }
      },
      warnings: []
    });
  });

  it('binds a relabel target by name, as Graph takes it, and a base URL typed with trailing slashes', () => {
    const built = retentionLabelToGraphCreateBody(
      {
        name: 'Active projects',
        retention: {
          behavior: 'retain',
          action: 'relabel',
          trigger: 'dateModified',
          duration: { kind: 'days', days: 730 },
          labelToBeApplied: 'Dormant projects',
          dispositionStages: []
        },
        descriptors: { authority: 'Business' }
      },
      { ...documentedIds, graphBaseUrl: 'https://graph.microsoft.com/beta//' }
    );
    expect(built.ok && built.body).toMatchObject({
      labelToBeApplied: 'Dormant projects',
      descriptors: { 'authorityTemplate@odata.bind': documentedRequest.descriptors['authorityTemplate@odata.bind'] }
    });
  });

  it('binds the template of the exact name when two differ only in case', () => {
    const built = retentionLabelToGraphCreateBody(
      { name: 'Minutes', retention: null, descriptors: { department: 'FINANCE' } },
      { departments: { Finance: 'dept-finance', FINANCE: 'dept-finance-upper' } }
    );
    expect(built.ok && built.body.descriptors).toStrictEqual({
      'departmentTemplate@odata.bind': "https://graph.microsoft.com/v1.0/security/labels/departments('dept-finance-upper')"
    });
  });

  it('names each field of a label Purview would refuse, by its path', () => {
    expect(
      retentionLabelToGraphCreateBody({
        name: ' ',
        retention: {
          behavior: 'retain',
          action: 'startDispositionReview',
          trigger: 'dateCreated',
          duration: { kind: 'days', days: 30 },
          dispositionStages: [{ name: 'Legal', reviewers: [] }]
        },
        descriptors: {}
      })
    ).toStrictEqual({
      ok: false,
      reasons: ['name: Give the label a name.', 'retention.dispositionStages.0.reviewers: Each stage needs at least one reviewer.'],
      missing: []
    });
  });

  it('lists each template it has no id for by its kind, to be created first', () => {
    const built = retentionLabelToGraphCreateBody(
      {
        name: 'Minutes',
        retention: null,
        descriptors: { citation: { name: 'Companies Act 2006' }, referenceId: 'GOV-01', department: 'Finance' }
      },
      { departments: documentedIds.departments }
    );
    expect(built).toStrictEqual({
      ok: false,
      reasons: [
        'No Graph id is known for the citation "Companies Act 2006"; create it first.',
        'No Graph id is known for the filePlanReference "GOV-01"; create it first.'
      ],
      missing: [
        { kind: 'citation', name: 'Companies Act 2006' },
        { kind: 'filePlanReference', name: 'GOV-01' }
      ]
    });
  });
});
