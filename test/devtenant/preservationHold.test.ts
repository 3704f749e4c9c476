/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import { TestTenant } from './helpers';

/**
 * A site under an eDiscovery legal hold behaves as SharePoint documents it: "When a user changes or deletes an
 * item that's subject to retention ... the content is copied to the Preservation Hold library, which allows the
 * user to change or delete the original content"
 * (https://learn.microsoft.com/purview/retention-policies-sharepoint#how-retention-works-for-sharepoint-and-onedrive).
 * So the delete answers success, and the content is still in the site. The seeded hold covers the Legal site;
 * Finance is under no hold.
 */

let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 41, items: 40 });
});
afterAll(() => t.close());

const siteOf = async (path: string): Promise<any> => (await t.get('office-worker', `/v1.0/sites/custodiandev.sharepoint.com:${path}`)).json;

/** Uploads a small text file to the site's default library; answers the driveItem with its sharepointIds. */
async function upload(sitePath: string, name: string, content: string): Promise<{ driveId: string; item: any }> {
  const site = await siteOf(sitePath);
  const driveId = (await t.get('office-worker', `/v1.0/sites/${site.id}/drive`)).json.id;
  const put = await t.call('office-worker', 'PUT', `/v1.0/drives/${driveId}/root:/${encodeURIComponent(name)}:/content`, content, {
    'content-type': 'text/plain'
  });
  expect(put.status).toBe(201);
  const item = (await t.get('office-worker', `/v1.0/drives/${driveId}/items/${put.json.id}?$select=id,name,sharepointIds`)).json;
  return { driveId, item };
}

/** The copies in the site's Preservation Hold library of the file once named `name`, with their content. */
async function preserved(sitePath: string, name: string): Promise<{ name: string; content: string }[]> {
  const site = await siteOf(sitePath);
  const lib = await t.get('records-manager', `/v1.0/sites/${site.id}/lists/${encodeURIComponent('Preservation Hold Library')}`);
  if (lib.status === 404) return [];
  expect(lib.status).toBe(200);
  const items = await t.get('records-manager', `/v1.0/sites/${site.id}/lists/${lib.json.id}/items?$expand=fields`);
  const out: { name: string; content: string }[] = [];
  for (const i of items.json.value.filter((x: any) => x.fields.PreservationOriginalDocumentName === name)) {
    const content = await t.get('records-manager', `/v1.0/sites/${site.id}/lists/${lib.json.id}/items/${i.id}/driveItem/content`);
    out.push({ name: i.fields.FileLeafRef, content: content.text });
  }
  return out;
}

describe('deleting on a site under legal hold keeps a copy in its Preservation Hold library', () => {
  test('Graph drive item DELETE on the held Legal site: 204, the file is gone, its copy (name, content) is preserved', async () => {
    const { driveId, item } = await upload('/sites/legal', 'Settlement draft.txt', 'Privileged: settlement terms v3');
    const del = await t.call('office-worker', 'DELETE', `/v1.0/drives/${driveId}/items/${item.id}`);
    expect(del.status).toBe(204);
    expect((await t.get('office-worker', `/v1.0/drives/${driveId}/items/${item.id}`)).status).toBe(404);
    const copies = await preserved('/sites/legal', 'Settlement draft.txt');
    expect(copies).toHaveLength(1);
    // Microsoft appends a unique id to the name of a preserved file; the original name stays beside it.
    expect(copies[0].name).toMatch(/^Settlement draft_[0-9A-F]{32}\.txt$/);
    expect(copies[0].content).toBe('Privileged: settlement terms v3');
  });

  test('the library is a hidden document library named "Preservation Hold Library", readable through Graph', async () => {
    // SharePoint makes the library when it first keeps a copy: this test deletes a file of its own, so that it does
    // not depend on running after another one (jest runs them in a random order).
    const { driveId, item } = await upload('/sites/legal', 'Witness list.txt', 'Names of witnesses');
    expect((await t.call('office-worker', 'DELETE', `/v1.0/drives/${driveId}/items/${item.id}`)).status).toBe(204);
    const site = await siteOf('/sites/legal');
    const lists = (await t.get('records-manager', `/v1.0/sites/${site.id}/lists`)).json.value;
    const lib = lists.find((l: any) => l.displayName === 'Preservation Hold Library');
    expect(lib).toMatchObject({ name: 'PreservationHoldLibrary', list: { hidden: true, template: 'documentLibrary' } });
    const others = lists.filter((l: any) => l.id !== lib.id);
    expect(others.every((l: any) => l.list.hidden === false)).toBe(true);
  });

  test('Graph list item DELETE and SharePoint REST recycle() on the held site preserve too', async () => {
    const a = await upload('/sites/legal', 'Witness notes.txt', 'notes A');
    const { listId, listItemId } = a.item.sharepointIds;
    const site = await siteOf('/sites/legal');
    expect((await t.call('office-worker', 'DELETE', `/v1.0/sites/${site.id}/lists/${listId}/items/${listItemId}`)).status).toBe(204);
    expect(await preserved('/sites/legal', 'Witness notes.txt')).toEqual([{ name: expect.any(String), content: 'notes A' }]);

    const b = await upload('/sites/legal', 'Exhibit list.txt', 'exhibits B');
    const recycled = await t.call(
      'office-worker',
      'POST',
      `/sites/legal/_api/web/lists(guid'${b.item.sharepointIds.listId}')/items(${b.item.sharepointIds.listItemId})/recycle()`,
      undefined,
      { accept: 'application/json;odata=nometadata' }
    );
    expect(recycled.status).toBe(200);
    expect(await preserved('/sites/legal', 'Exhibit list.txt')).toEqual([{ name: expect.any(String), content: 'exhibits B' }]);
  });

  test('a DELETE inside $batch on the held site preserves the file too', async () => {
    const { driveId, item } = await upload('/sites/legal', 'Batch memo.txt', 'batched');
    const res = await t.call('office-worker', 'POST', '/v1.0/$batch', {
      requests: [{ id: '1', method: 'DELETE', url: `/drives/${driveId}/items/${item.id}` }]
    });
    expect(res.json.responses[0].status).toBe(204);
    expect(await preserved('/sites/legal', 'Batch memo.txt')).toEqual([{ name: expect.any(String), content: 'batched' }]);
  });

  test('on a site under no hold (Finance) the delete keeps nothing', async () => {
    const { driveId, item } = await upload('/sites/finance', 'Petty cash.txt', 'cash');
    expect((await t.call('office-worker', 'DELETE', `/v1.0/drives/${driveId}/items/${item.id}`)).status).toBe(204);
    expect(await preserved('/sites/finance', 'Petty cash.txt')).toEqual([]);
    const site = await siteOf('/sites/finance');
    expect((await t.get('records-manager', `/v1.0/sites/${site.id}/lists/${encodeURIComponent('Preservation Hold Library')}`)).status).toBe(
      404
    );
  });
});
