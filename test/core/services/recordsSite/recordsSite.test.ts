import { z } from 'zod';
import { getList } from '../../../../src/core/graph/lists/getList';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { defineRecordsList, openRecordsSite, recordsSiteById, type RecordsSite } from '../../../../src/core/services/recordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { hostileSingleLine } from '../support/hostile';
import { logRequests } from '../support/requestLog';

const holdSchema = z.object({
  holdId: z.string().min(1),
  reason: z.string(),
  count: z.number().int(),
  active: z.boolean(),
  placedAt: z.string(),
  state: z.enum(['open', 'released']),
  scope: z.object({ sites: z.array(z.string()) }).optional()
});

const holdsList = defineRecordsList({
  title: 'Custodian Test Holds',
  description: 'Holds used by the store tests.',
  key: 'holdId',
  columns: {
    holdId: { kind: 'text', indexed: true },
    reason: { kind: 'text' },
    count: { kind: 'number', indexed: true },
    active: { kind: 'boolean' },
    placedAt: { kind: 'dateTime' },
    state: { kind: 'choice', choices: ['open', 'released'], indexed: true },
    scope: { kind: 'json' }
  },
  schema: holdSchema
});

let tenant: TestTenant;
let site: RecordsSite;

beforeEach(async () => {
  tenant = await startTestTenant(40);
  site = await openRecordsSite(tenant.graph('records-manager'), `${tenant.url}/sites/records`);
});
afterEach(() => tenant.close());

const hold = (holdId: string, reason = 'matter') => ({
  holdId,
  reason,
  count: 1,
  active: true,
  placedAt: '2026-01-15T09:00:00Z',
  state: 'open' as const
});

describe('records site store', () => {
  it('creates its list with columns on first use, once, and finds it again from another client', async () => {
    const store = site.list(holdsList);
    const [a, b] = await Promise.all([store.ensure(), store.ensure()]);
    expect(a).toEqual(b);
    const other = recordsSiteById(tenant.graph('site-owner'), site.siteId).list(holdsList);
    expect(await other.ensure()).toEqual(a);
    expect(site.list(holdsList)).toBe(store);
  });

  it('round-trips every column kind and hostile text, found by a hostile key', async () => {
    const store = site.list(holdsList);
    for (const text of hostileSingleLine) {
      const key = text.slice(0, 200);
      const created = await store.create({ ...hold(key, text), scope: { sites: [text.slice(0, 40)] } });
      expect(created.eTag).toMatch(/\S/);
      const found = await store.find(key);
      expect(found?.value).toEqual({ ...hold(key, text), scope: { sites: [text.slice(0, 40)] } });
      expect((await store.get(created.id))?.value.reason).toBe(text);
    }
    expect(await store.find(`not there ' "`)).toBeUndefined();
    expect(await store.get('999999')).toBeUndefined();
  });

  it('updates with If-Match; a stale eTag is an entryChanged error that says someone else changed it', async () => {
    const store = site.list(holdsList);
    const first = await store.create(hold('H-etag'));
    const second = await store.update(first, { reason: 'changed once', count: 2 });
    expect(second.value).toMatchObject({ reason: 'changed once', count: 2, holdId: 'H-etag' });
    expect(second.eTag).not.toBe(first.eTag);
    const stale = (await store.update(first, { reason: 'late' }).catch((e: unknown) => e)) as CustodianError;
    expect(stale).toBeInstanceOf(CustodianError);
    expect(stale).toMatchObject({ status: 412, code: 'entryChanged' });
    expect(stale.why).toMatch(/Someone else changed it/);
    expect(stale.whatToDo).toMatch(/Reload/);
    expect((await store.find('H-etag'))?.value.reason).toBe('changed once');
  });

  it('lets one of two concurrent writers win and tells the other', async () => {
    const store = site.list(holdsList);
    const entry = await store.create(hold('H-race'));
    const results = await Promise.allSettled([
      store.update(entry, { state: 'released' }),
      store.update(entry, { reason: 'other reviewer' })
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'entryChanged' });
  });

  it('removes with If-Match, refuses a stale remove, and treats an entry already gone as removed', async () => {
    const store = site.list(holdsList);
    const entry = await store.create(hold('H-remove'));
    const changed = await store.update(entry, { count: 5 });
    await expect(store.remove(entry)).rejects.toMatchObject({ code: 'entryChanged' });
    await store.remove(changed);
    expect(await store.find('H-remove')).toBeUndefined();
    await store.remove(changed);
  });

  it('queries by several columns and lists oldest first', async () => {
    const store = site.list(holdsList);
    await store.create({ ...hold('Q-1'), state: 'released', count: 7 });
    await store.create({ ...hold('Q-2'), state: 'released', count: 7 });
    await store.create({ ...hold('Q-3'), state: 'open', count: 7 });
    const released = await store.query({ state: 'released', count: 7 });
    expect(released.map((e) => e.value.holdId)).toEqual(['Q-1', 'Q-2']);
    const all = await store.list();
    expect(all.map((e) => Number(e.id))).toEqual([...all.map((e) => Number(e.id))].sort((a, b) => a - b));
  });

  it('refuses a row the schema or the column would refuse, before sending anything', async () => {
    const store = site.list(holdsList);
    await store.ensure();
    const log = logRequests(tenant.url);
    try {
      const tooLong = await store.create(hold('H-long', 'z'.repeat(256))).catch((e: unknown) => e);
      expect(tooLong).toMatchObject({ code: 'entryRefused', status: 0 });
      expect((tooLong as CustodianError).why).toMatch(/256 characters long; a column holds at most 255/);
      const badType = await store.create({ ...hold('H-bad'), count: 1.5 }).catch((e: unknown) => e);
      expect(badType).toMatchObject({ code: 'entryRefused' });
      expect(log.count()).toBe(0);
    } finally {
      log.stop();
    }
  });

  it('reports an entry that no longer fits the schema, naming it', async () => {
    const loose = defineRecordsList({ ...holdsList, schema: z.object({ ...holdSchema.shape, count: z.number() }) } as never);
    const store = recordsSiteById(tenant.graph('records-manager'), site.siteId).list(loose);
    const odd = (await store.create({ ...hold('H-odd'), count: 2.5 } as never)) as { id: string };
    const e = (await site
      .list(holdsList)
      .get(odd.id)
      .catch((x: unknown) => x)) as CustodianError;
    expect(e).toMatchObject({ code: 'invalidEntry' });
    expect(e.what).toContain(`entry ${odd.id}`);
  });

  it('names the missing columns of a list made by hand instead of failing later', async () => {
    // The list exists with the columns it was made with, none named 'extra'.
    await site.list(holdsList).ensure();
    const partial = defineRecordsList({ ...holdsList, title: 'Custodian Test Holds' });
    const wider = defineRecordsList({
      ...partial,
      columns: { ...partial.columns, extra: { kind: 'text' } },
      schema: z.object({ ...holdSchema.shape, extra: z.string().optional() })
    } as never);
    const e = (await recordsSiteById(tenant.graph('records-manager'), site.siteId)
      .list(wider)
      .ensure()
      .catch((x: unknown) => x)) as CustodianError;
    expect(e).toMatchObject({ code: 'missingColumns' });
    expect(e.why).toContain(`'extra'`);
  });

  // A list made by an earlier version without an index a query now uses: Graph would refuse the query (400, "not
  // indexed"), so opening the list indexes the column; the outside truth is the column as Graph then describes it.
  it('indexes a column of an existing list that a query relies on, and queries it without the non-indexed preference', async () => {
    const older = defineRecordsList({
      ...holdsList,
      columns: { ...holdsList.columns, state: { kind: 'choice', choices: ['open', 'released'] } }
    });
    await site.list(older).create({ ...hold('I-1'), state: 'released' });
    const reopened = recordsSiteById(tenant.graph('records-manager'), site.siteId).list(holdsList);
    const log = logRequests(tenant.url);
    try {
      expect((await reopened.query({ state: 'released' })).map((e) => e.value.holdId)).toEqual(['I-1']);
      expect(log.requests.filter((r) => r.method === 'PATCH' && /\/columns\//.test(r.url))).toHaveLength(1);
      expect(log.requests.map((r) => r.headers.prefer).filter(Boolean)).toEqual([]);
    } finally {
      log.stop();
    }
    const ref = await reopened.ensure();
    const columns = (await getList(tenant.graph('records-manager'), ref)).columns ?? [];
    expect(columns.find((c) => c.name === 'state')?.indexed).toBe(true);
  });

  it('refuses to query a column that is not indexed, before sending anything', async () => {
    await expect(site.list(holdsList).query({ reason: 'matter' } as never)).rejects.toThrow(/'reason' .* is not indexed/);
  });

  it('refuses a bad definition where it is declared', () => {
    expect(() => defineRecordsList({ ...holdsList, title: 'Bad #title' })).toThrow(RangeError);
    expect(() => defineRecordsList({ ...holdsList, columns: { ...holdsList.columns, Title: { kind: 'text' } } } as never)).toThrow(
      RangeError
    );
    expect(() => defineRecordsList({ ...holdsList, key: 'count' } as never)).toThrow(RangeError);
  });
});
