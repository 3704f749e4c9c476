/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import { cellAllows, type LabelKind, labelKinds, purviewRecordRestrictions, type TableAction } from '../fixtures/purviewRecordRestrictions';
import { type Persona, TestTenant } from './helpers';

/**
 * Every way an office worker (or a site owner) can change, delete, move or relabel a file over HTTP, against Microsoft
 * Purview's table (test/fixtures/purviewRecordRestrictions.ts, which cites the page): the dev tenant must answer as
 * SharePoint does, whichever door the request comes through.
 */

let t: TestTenant;
let site: any;
let drive: any;
let other: any;
let n = 0;

beforeAll(async () => {
  t = await TestTenant.start({ seed: 12 });
  site = (await t.get('admin', '/v1.0/sites/custodiandev.sharepoint.com:/sites/records')).json;
  drive = (await t.get('admin', `/v1.0/sites/${site.id}/drives`)).json.value.find((d: any) => d.name === 'Records');
  const legal = (await t.get('admin', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json;
  other = (await t.get('admin', `/v1.0/sites/${legal.id}/drives`)).json.value.find((d: any) => d.name === 'Contracts');
});
afterAll(() => t.close());

const labelOf: Record<Exclude<LabelKind, 'noLabel'>, string> = {
  retentionLabel: 'Email - 3 Years',
  recordLocked: 'Litigation Records',
  recordUnlocked: 'Litigation Records',
  regulatoryRecord: 'Regulatory Filings - 10 Years'
};

interface Made {
  id: string;
  name: string;
  num: number;
  listId: string;
}

/** A new file in the Records library carrying the kind of label asked for (an unlocked record was locked first). */
async function make(kind: LabelKind, everUnlocked = false): Promise<Made> {
  const name = `Path ${++n} ${kind}.txt`;
  const put = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/root:/${encodeURIComponent(name)}:/content`, 'v1', {
    'content-type': 'text/plain'
  });
  expect(put.status).toBe(201);
  const url = `/v1.0/drives/${drive.id}/items/${put.json.id}/retentionLabel`;
  if (kind !== 'noLabel') expect((await t.call('admin', 'PATCH', url, { name: labelOf[kind] })).status).toBe(201);
  if (kind === 'recordUnlocked' || everUnlocked)
    expect((await t.call('admin', 'PATCH', url, { retentionSettings: { isRecordLocked: false } })).status).toBe(200);
  if (kind === 'recordLocked' && everUnlocked)
    expect((await t.call('admin', 'PATCH', url, { retentionSettings: { isRecordLocked: true } })).status).toBe(200);
  // sharepointIds come only when selected (driveItem resource page).
  const ids = (await t.get('admin', `/v1.0/drives/${drive.id}/items/${put.json.id}?$select=id,sharepointIds`)).json.sharepointIds;
  return { id: put.json.id, name, num: Number(ids.listItemId), listId: ids.listId };
}

type Outcome = 'allowed' | 'blocked' | string;

/** Graph and SharePoint refuse with 403 (423 for a locked file's content); anything else is reported as is. */
function outcome(status: number, body?: unknown): Outcome {
  if (status >= 200 && status < 300) return 'allowed';
  if (status === 403 || status === 423) return 'blocked';
  return `HTTP ${status} ${JSON.stringify(body).slice(0, 200)}`;
}

const sp = (path: string) => `/sites/records/_api/${path}`;
const spJson = { accept: 'application/json;odata=nometadata', 'content-type': 'application/json;odata=nometadata' };

async function uploadSession(who: Persona, create: string): Promise<Outcome> {
  const s = await t.call(who, 'POST', create, {});
  if (s.status !== 200) return outcome(s.status, s.json);
  const res = await fetch(s.json.uploadUrl, { method: 'PUT', headers: { 'content-range': 'bytes 0-1/2' }, body: 'v2' });
  return outcome(res.status, await res.text());
}

async function batch(who: Persona, request: Record<string, unknown>): Promise<Outcome> {
  const res = await t.call(who, 'POST', '/v1.0/$batch', { requests: [{ id: '1', ...request }] });
  expect(res.status).toBe(200);
  return outcome(res.json.responses[0].status, res.json.responses[0].body);
}

type Path = (who: Persona, m: Made) => Promise<Outcome>;
const item = (m: Made) => `/v1.0/drives/${drive.id}/items/${m.id}`;
const listItem = (m: Made) => `/v1.0/sites/${site.id}/lists/${m.listId}/items/${m.num}`;
const spItem = (m: Made) => sp(`web/lists(guid'${m.listId}')/items(${m.num})`);
const text = { 'content-type': 'text/plain' };

const paths: Record<TableAction, Record<string, Path>> = {
  editContent: {
    'Graph PUT content by id': async (who, m) => outcome((await t.call(who, 'PUT', `${item(m)}/content`, 'v2', text)).status),
    'Graph PUT content by path': async (who, m) =>
      outcome((await t.call(who, 'PUT', `/v1.0/drives/${drive.id}/root:/${encodeURIComponent(m.name)}:/content`, 'v2', text)).status),
    'upload session by id': (who, m) => uploadSession(who, `${item(m)}/createUploadSession`),
    'upload session by path': (who, m) =>
      uploadSession(who, `/v1.0/drives/${drive.id}/root:/${encodeURIComponent(m.name)}:/createUploadSession`),
    '$batch PUT content': (who, m) =>
      batch(who, {
        method: 'PUT',
        url: `/drives/${drive.id}/items/${m.id}/content`,
        headers: text,
        body: Buffer.from('v2').toString('base64')
      })
  },
  editProperties: {
    'Graph PATCH driveItem name': async (who, m) => outcome((await t.call(who, 'PATCH', item(m), { name: `Renamed ${m.name}` })).status),
    'Graph PATCH listItem fields': async (who, m) =>
      outcome((await t.call(who, 'PATCH', `${listItem(m)}/fields`, { Title: 'Changed' })).status),
    'SharePoint REST item MERGE': async (who, m) =>
      outcome(
        (await t.call(who, 'POST', spItem(m), { Title: 'Changed' }, { ...spJson, 'x-http-method': 'MERGE', 'if-match': '*' })).status
      ),
    'SharePoint REST ValidateUpdateListItem': async (who, m) => {
      const res = await t.call(
        who,
        'POST',
        `${spItem(m)}/ValidateUpdateListItem`,
        {
          formValues: [{ FieldName: 'Title', FieldValue: 'Changed' }]
        },
        spJson
      );
      if (res.status === 200 && res.json.value.some((v: any) => v.HasException)) return `field error ${JSON.stringify(res.json.value)}`;
      return outcome(res.status, res.json);
    },
    '$batch PATCH listItem fields': (who, m) =>
      batch(who, {
        method: 'PATCH',
        url: `/sites/${site.id}/lists/${m.listId}/items/${m.num}/fields`,
        headers: { 'content-type': 'application/json' },
        body: { Title: 'Changed' }
      })
  },
  delete: {
    'Graph DELETE driveItem': async (who, m) => outcome((await t.call(who, 'DELETE', item(m))).status),
    'Graph DELETE listItem': async (who, m) => outcome((await t.call(who, 'DELETE', listItem(m))).status),
    'SharePoint REST recycle()': async (who, m) => outcome((await t.call(who, 'POST', `${spItem(m)}/recycle()`, undefined, spJson)).status),
    '$batch DELETE driveItem': (who, m) => batch(who, { method: 'DELETE', url: `/drives/${drive.id}/items/${m.id}` })
  },
  copy: {},
  read: {
    'Graph GET content': async (who, m) => outcome((await t.get(who, `${item(m)}/content`)).status)
  },
  moveWithinContainer: {
    'Graph PATCH parentReference (same library)': async (who, m) => {
      const folder = await t.call('admin', 'POST', `/v1.0/drives/${drive.id}/root/children`, { name: `Folder ${++n}`, folder: {} });
      return outcome((await t.call(who, 'PATCH', item(m), { parentReference: { id: folder.json.id } })).status);
    }
  },
  moveAcrossContainers: {
    // The record rules are asked first; a move the rules allow is then not served by the dev tenant (501).
    'Graph PATCH parentReference (another site)': async (who, m) => {
      const res = await t.call(who, 'PATCH', item(m), { parentReference: { driveId: other.id, id: 'root' } });
      return res.status === 501 ? 'allowed' : outcome(res.status, res.json);
    }
  },
  changeLabel: {
    'Graph PATCH retentionLabel': async (who, m) =>
      outcome((await t.call(who, 'PATCH', `${item(m)}/retentionLabel`, { name: 'General Correspondence - 2 Years' })).status),
    'SharePoint SetComplianceTagOnBulkItems': async (who, m) => {
      const res = await t.call(
        who,
        'POST',
        sp('SP_CompliancePolicy_SPPolicyStoreProxy_SetComplianceTagOnBulkItems'),
        {
          listUrl: '/sites/records/Records',
          complianceTagValue: 'General Correspondence - 2 Years',
          itemIds: [m.num]
        },
        spJson
      );
      if (res.status !== 200) return outcome(res.status, res.json);
      return res.json.value.includes(m.num) ? 'blocked' : 'allowed';
    }
  },
  removeLabel: {
    'Graph DELETE retentionLabel': async (who, m) => outcome((await t.call(who, 'DELETE', `${item(m)}/retentionLabel`)).status),
    'SharePoint SetComplianceTagOnBulkItems with no label': async (who, m) => {
      const res = await t.call(
        who,
        'POST',
        sp('SP_CompliancePolicy_SPPolicyStoreProxy_SetComplianceTagOnBulkItems'),
        {
          listUrl: '/sites/records/Records',
          complianceTagValue: '',
          itemIds: [m.num]
        },
        spJson
      );
      if (res.status !== 200) return outcome(res.status, res.json);
      return res.json.value.includes(m.num) ? 'blocked' : 'allowed';
    }
  }
};

const actors: { who: Persona; isContainerAdmin: boolean }[] = [
  { who: 'office-worker', isContainerAdmin: false },
  { who: 'site-owner', isContainerAdmin: true }
];

const cases = Object.entries(paths).flatMap(([row, byPath]) =>
  Object.keys(byPath).flatMap((path) =>
    labelKinds
      .filter((kind) => purviewRecordRestrictions[row as TableAction][kind] !== 'notApplicable')
      .flatMap((kind) => actors.map((a) => ({ row: row as TableAction, path, kind, ...a })))
  )
);

describe("the dev tenant answers every path as Purview's table says", () => {
  test.each(cases)('$row via $path on $kind as $who', async ({ row, path, kind, who, isContainerAdmin }) => {
    const expected = cellAllows(purviewRecordRestrictions[row][kind], { isContainerAdmin }) ? 'allowed' : 'blocked';
    const m = await make(kind);
    expect(await paths[row][path](who, m)).toBe(expected);
    if (expected === 'blocked') {
      // Refused means nothing changed: the file is still there, with its label and its first content.
      const after = await t.get('admin', `${item(m)}?$expand=retentionLabel`);
      expect(after.status).toBe(200);
      expect(after.json.retentionLabel.name).toBe(kind === 'noLabel' ? null : labelOf[kind]);
      expect((await t.get('admin', `${item(m)}/content`)).text).toBe('v1');
    }
  });

  test('a locked record that was ever unlocked cannot move to another site', async () => {
    const cell = purviewRecordRestrictions.moveAcrossContainers.recordLocked;
    const m = await make('recordLocked', true);
    const expected = cellAllows(cell, { isContainerAdmin: true, everUnlocked: true }) ? 'allowed' : 'blocked';
    expect(await paths.moveAcrossContainers['Graph PATCH parentReference (another site)']('site-owner', m)).toBe(expected);
  });
});
