import { z } from 'zod';
import { createDevTenantTokenProvider } from '../../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { defaultRetryPolicy } from '../../../../src/core/http/retryRules';
import { defineRecordsList, openRecordsSite, recordsSiteById, type RecordsSite } from '../../../../src/core/services/recordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { logRequests } from '../support/requestLog';

const caseSchema = z.object({
  caseId: z.string().min(1),
  note: z.string(),
  state: z.enum(['open', 'closed']),
  scope: z.object({ sites: z.array(z.string()) }).optional()
});

const casesList = defineRecordsList({
  title: 'Custodian Test Cases',
  description: 'Entries used by the store edge tests.',
  key: 'caseId',
  columns: {
    caseId: { kind: 'text', indexed: true },
    note: { kind: 'text' },
    state: { kind: 'choice', choices: ['open', 'closed'] },
    scope: { kind: 'json' }
  },
  schema: caseSchema
});

let tenant: TestTenant;
let site: RecordsSite;

beforeAll(async () => {
  tenant = await startTestTenant(20);
  site = await openRecordsSite(tenant.graph('records-manager'), `${tenant.url}/sites/records`);
  await site.list(casesList).ensure();
});
afterAll(() => tenant.close());

const entry = (caseId: string) => ({ caseId, note: 'n', state: 'open' as const, scope: { sites: ['finance'] } });

async function refused(run: () => Promise<unknown>): Promise<unknown> {
  const log = logRequests(tenant.url);
  try {
    const e = await run().catch((x: unknown) => x);
    expect(log.count()).toBe(0);
    return e;
  } finally {
    log.stop();
  }
}

describe('records list store: refusals and failures a person would meet', () => {
  it('refuses, before sending anything, a change too long for its column even without the entry read first', async () => {
    const store = site.list(casesList);
    const saved = await store.create(entry('C-long'));
    const e = (await refused(() => store.update({ id: saved.id, eTag: saved.eTag }, { note: 'é'.repeat(256) }))) as CustodianError;
    expect(e).toMatchObject({ code: 'entryRefused' });
    expect(e.why).toMatch(/'note' is 256 characters long; a column holds at most 255/);
    expect((await store.get(saved.id))?.value.note).toBe('n');
  });

  it('refuses a change that would leave the entry invalid, and a query on a column the list does not have', async () => {
    const store = site.list(casesList);
    const saved = await store.create(entry('C-invalid'));
    const e = (await refused(() => store.update(saved, { state: 'archived' as never }))) as CustodianError;
    expect(e).toMatchObject({ code: 'entryRefused' });
    expect(e.why).toContain('state');
    const required = (await refused(() => store.update(saved, { note: null as never }))) as CustodianError;
    expect(required).toMatchObject({ code: 'entryRefused' });
    expect(await refused(() => store.query({ owner: 'x' } as never))).toBeInstanceOf(RangeError);
  });

  it('null empties an optional column; the entry reads back without it', async () => {
    const store = site.list(casesList);
    const saved = await store.create(entry('C-clear'));
    const cleared = await store.update(saved, { scope: null });
    expect(cleared.value).toEqual({ caseId: 'C-clear', note: 'n', state: 'open' });
    expect((await store.find('C-clear'))?.value).toEqual({ caseId: 'C-clear', note: 'n', state: 'open' });
  });

  it('a change to an entry someone deleted meanwhile is refused, and does not bring it back', async () => {
    const store = site.list(casesList);
    const saved = await store.create(entry('C-gone'));
    await recordsSiteById(tenant.graph('site-owner'), site.siteId).list(casesList).remove(saved);
    const e = await store.update(saved, { note: 'late' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CustodianError);
    expect(await store.find('C-gone')).toBeUndefined();
  });

  it('a delete during an outage fails (the entry is not reported as removed) and the entry is still there', async () => {
    const noRetry = createGraphGateway({
      baseUrl: tenant.url,
      tokens: createDevTenantTokenProvider({ url: tenant.url, persona: 'records-manager' }),
      retry: { ...defaultRetryPolicy, maxRetries: 0 }
    });
    const store = recordsSiteById(noRetry, site.siteId).list(casesList);
    const saved = await store.create(entry('C-outage'));
    await tenant.control('PUT', '/faults', { faults: '503:1' });
    let outcome: unknown;
    try {
      outcome = await store.remove(saved).catch((x: unknown) => x);
    } finally {
      await tenant.control('PUT', '/faults', { faults: '' });
    }
    expect(outcome).toMatchObject({ status: 503 });
    expect((await store.find('C-outage'))?.id).toBe(saved.id);
  });

  it('two clients setting up a new list at the same moment end with one list, both using it', async () => {
    const fresh = defineRecordsList({ ...casesList, title: 'Custodian Test Race' });
    const a = recordsSiteById(tenant.graph('records-manager'), site.siteId).list(fresh);
    const b = recordsSiteById(tenant.graph('site-owner'), site.siteId).list(fresh);
    const [ra, rb] = await Promise.all([a.ensure(), b.ensure()]);
    expect(ra).toEqual(rb);
    const lists = await listAll<{ displayName?: string }>(tenant.graph('admin'), {
      method: 'GET',
      url: `/sites/${encodeURIComponent(site.siteId)}/lists`,
      action: 'list the lists'
    });
    expect(lists.filter((l) => l.displayName === 'Custodian Test Race')).toHaveLength(1);
    await a.create(entry('C-race'));
    expect((await b.find('C-race'))?.value.caseId).toBe('C-race');
  });
});
