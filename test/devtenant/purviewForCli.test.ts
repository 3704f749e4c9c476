/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import { TestTenant } from './helpers';

/**
 * Graph purview calls of CLI for Microsoft 365 11.11.0: dist/m365/purview/commands/retentionlabel/retentionlabel-add.js
 * (POST /beta/security/labels/retentionLabels, never sending dispositionReviewStages) and
 * sensitivitylabel/sensitivitylabel-policysettings-list.js (GET /beta/{me|users/{id}}/security/informationProtection/
 * labelPolicySettings, `accept: application/json;odata.metadata=none`). Microsoft: "Create retentionLabel" does not mark
 * dispositionReviewStages required; "Get informationProtectionPolicySetting" answers one object with id, moreInfoUrl,
 * isMandatory and isDowngradeJustificationRequired.
 */

let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 5 });
});
afterAll(() => t.close());

test('purview retentionlabel add --actionAfterRetentionPeriod startDispositionReview, without stages', async () => {
  const res = await t.call(
    'records-manager',
    'POST',
    '/beta/security/labels/retentionLabels',
    {
      displayName: 'CLI review label',
      behaviorDuringRetentionPeriod: 'retain',
      actionAfterRetentionPeriod: 'startDispositionReview',
      retentionTrigger: 'dateLabeled',
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 365 },
      defaultRecordBehavior: 'startLocked'
    },
    { accept: 'application/json;odata.metadata=none' }
  );
  expect(res.status).toBe(201);
  expect(res.json).toMatchObject({
    displayName: 'CLI review label',
    actionAfterRetentionPeriod: 'startDispositionReview',
    dispositionReviewStages: []
  });
});

test('purview sensitivitylabel policysettings list, for me and for a user', async () => {
  const accept = { accept: 'application/json;odata.metadata=none' };
  const me = await t.get('office-worker', '/beta/me/security/informationProtection/labelPolicySettings', accept);
  expect(me.status).toBe(200);
  expect(me.json).toEqual({
    id: expect.stringMatching(/^[0-9A-F]{96}$/),
    moreInfoUrl: null,
    isMandatory: false,
    isDowngradeJustificationRequired: true
  });
  const upn = (await t.get('office-worker', '/v1.0/me')).json.userPrincipalName;
  const user = await t.get('admin', `/beta/users/${encodeURIComponent(upn)}/security/informationProtection/labelPolicySettings`, accept);
  expect(user.status).toBe(200);
  expect(user.json.id).toBe(me.json.id);
  const missing = await t.get('admin', '/beta/users/nobody@example.com/security/informationProtection/labelPolicySettings', accept);
  expect(missing.status).toBe(404);
  expect(missing.json.error.code).toBe('itemNotFound');
});
