import { CustodianError } from '../../../../src/core/http/CustodianError';
import { registerHeadList, registerList } from '../../../../src/core/services/disposition/dispositionLists';
import {
  appendToRegister,
  readRegister,
  verifyRegister,
  type RegisterPayload
} from '../../../../src/core/services/disposition/proofRegister';
import { openRecordsSite, type RecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { tenantNow } from '../index/testLibraries';
import { refusal } from '../support/refusal';

// The proof register is appended to by every reviewer's session at once. Outside truth: the dev tenant's list items
// and their eTags (SharePoint's If-Match), and the register as a fresh client reads and verifies it.

const recordsSiteUrl = 'https://custodiandev.sharepoint.com/sites/records';

let tenant: TestTenant;
let now: string;
beforeEach(async () => {
  tenant = await startTestTenant(300);
  now = await tenantNow(tenant.control);
}, 60_000);
afterEach(() => tenant.close());

const decision = (n: number): RegisterPayload => ({
  kind: 'decision',
  subject: `site|list|${n}`,
  subjectName: `Invoice ${n}.pdf`,
  action: 'approve',
  stage: 1,
  by: 'priya.raman@custodiandev.onmicrosoft.com',
  justification: `Reviewer ${n} approves.`,
  outcome: 'nextStage',
  detail: { label: 'Invoices - 7 Years' }
});

/** An error as the records list store raises it for SharePoint's answer (412 becomes `entryChanged`). */
const answer = (code: string, status: number): CustodianError =>
  new CustodianError({ code, status, source: 'sharepoint', serviceMessage: code, what: code, why: code, whatToDo: code });

/** Makes every move of `site`'s register head fail with `error`; gives how many moves were tried. */
function refuseHeadUpdates(site: RecordsSite, error: CustodianError): () => number {
  let tries = 0;
  site.list(registerHeadList).update = () => {
    tries++;
    return Promise.reject(error);
  };
  return () => tries;
}

/** A client of its own (its own list lookups and head reads), as each reviewer's browser is. */
const client = (): Promise<RecordsSite> => openRecordsSite(tenant.graph('records-manager'), recordsSiteUrl);

describe('appending to the proof register', () => {
  it('six decisions recorded at the same moment by six clients each get their own place in one verified chain', async () => {
    const sites = await Promise.all([1, 2, 3, 4, 5, 6].map(() => client()));
    // Each client has found (or made) the lists, so that all six look for the register's head at once and none finds it.
    for (const site of sites) expect(await site.list(registerHeadList).list()).toEqual([]);
    const appended = await Promise.all(sites.map((site, i) => appendToRegister(site, decision(i + 1), now)));

    const reader = await client();
    const stored = await readRegister(reader);
    expect(stored).toHaveLength(6);
    expect(stored.map((e) => e.sequence).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(appended.map((e) => e.sequence)).size).toBe(6);
    expect((await verifyRegister(reader)).ok).toBe(true);
    // One head row, whichever client created it first, pointing at the last entry.
    const heads = await reader.list(registerHeadList).list();
    expect(heads).toHaveLength(1);
    expect(heads[0].value).toMatchObject({ sequence: 5, hash: stored.find((e) => e.sequence === 5)?.hash });
  });

  it('the first entry starts the chain at the genesis hash, and the next is chained to it', async () => {
    const site = await client();
    const first = await appendToRegister(site, decision(1), now);
    const second = await appendToRegister(site, decision(2), now);
    expect(first).toMatchObject({ sequence: 0, previousHash: '0'.repeat(64) });
    expect(second).toMatchObject({ sequence: 1, previousHash: first.hash });
  });

  it('an entry whose time is not a real instant is refused, and nothing is written', async () => {
    const site = await client();
    const refused = await refusal(() => appendToRegister(site, decision(1), '2034-02-30T10:00:00Z'));
    expect(refused).toMatchObject({ code: 'proofEntryRefused', what: 'Custodian could not record the decision in the proof register.' });
    expect(refused.why).toMatch(/not a valid date/);
    expect(await readRegister(await client())).toEqual([]);
  });

  it('when other writers move the head every time, gives up after 20 tries with "try again", and writes no entry', async () => {
    const site = await client();
    // Another writer wins every race: SharePoint answers each If-Match with 412, which the store reports as entryChanged.
    const tries = refuseHeadUpdates(site, answer('entryChanged', 412));
    const refused = await refusal(() => appendToRegister(site, decision(1), now));
    expect(refused).toMatchObject({ code: 'registerBusy', status: 503 });
    expect(refused.whatToDo).toMatch(/Try again/);
    expect(tries()).toBe(20);
    expect(await site.list(registerList).list()).toEqual([]);
  });

  it('a head that cannot be moved for another reason (refused permission) is not retried, and nothing is written', async () => {
    const site = await client();
    const tries = refuseHeadUpdates(site, answer('accessDenied', 403));
    expect(await refusal(() => appendToRegister(site, decision(1), now))).toMatchObject({ status: 403 });
    expect(tries()).toBe(1);
    expect(await site.list(registerList).list()).toEqual([]);
  });
});
