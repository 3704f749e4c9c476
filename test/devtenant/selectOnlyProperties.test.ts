/* eslint-disable @typescript-eslint/no-explicit-any -- Graph JSON read as a client reads it. */
import { TestTenant } from './helpers';

// Microsoft's driveItem resource page: `sharepointIds` "isn't returned by default and must be selected using the
// $select query parameter". A client that read it without selecting it would work on the dev tenant and fail on
// Microsoft 365 (filing email did, until it asked for it).
let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ items: 20 });
});
afterAll(() => t.running.close());

it('answers a drive item without sharepointIds unless the request selects them', async () => {
  const drive = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance:/drive')).json;
  const file = (await t.get('office-worker', `/v1.0/drives/${drive.id}/root/children?$top=5`)).json.value.find((i: any) => i.file);
  expect(file).toBeDefined();
  expect(file).not.toHaveProperty('sharepointIds');
  expect((await t.get('office-worker', `/v1.0/drives/${drive.id}/items/${file.id}`)).json).not.toHaveProperty('sharepointIds');
  const selected = (await t.get('office-worker', `/v1.0/drives/${drive.id}/items/${file.id}?$select=id,sharepointIds`)).json;
  expect(selected.sharepointIds).toMatchObject({ listId: expect.any(String), listItemId: expect.stringMatching(/^\d+$/) });
});
