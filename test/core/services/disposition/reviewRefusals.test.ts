import { deleteListItem } from '../../../../src/core/graph/listItems/deleteListItem';
import { getListItem } from '../../../../src/core/graph/listItems/getListItem';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { type CustodianError } from '../../../../src/core/http/CustodianError';
import { createDispositionReview, type DispositionReviewService } from '../../../../src/core/services/disposition/createDispositionReview';
import { readLegalHolds } from '../../../../src/core/services/holds/legalHolds';
import { readRegister } from '../../../../src/core/services/disposition/proofRegister';
import { createDispositionIndex, type DispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { openRecordsSite, type RecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';
import { refusal } from '../support/refusal';

/** A date `years` after the dev tenant's `now` (its clock runs years ahead of the machine's), never a fixed year. */
const yearsAfter = (now: string, years: number): string => new Date(Date.parse(now) + years * 365 * 86_400_000).toISOString();

let tenant: TestTenant;
let manager: GraphGateway;
let owner: GraphGateway;
let invoices: ListRef;
let recordsLib: ListRef;
let index: DispositionIndex;
let otherIndex: DispositionIndex;
let site: RecordsSite;
let priya: DispositionReviewService;
let priyaRM: DispositionReviewService;
let priyaElsewhere: DispositionReviewService;
let sam: DispositionReviewService;
let samWithoutHolds: DispositionReviewService;
let now: string;

const anchor = { labelName: 'Board Minutes - Permanent' };
const by = 'priya.raman@custodiandev.onmicrosoft.com';

beforeAll(async () => {
  tenant = await startTestTenant(400);
  manager = tenant.graph('records-manager');
  owner = tenant.graph('site-owner');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  recordsLib = await findLibrary(manager, '/sites/records', 'Records');
  // Past the 10 years of 'Regulatory Filings - 10 Years' as well as the 7 of invoices.
  await tenant.control('POST', '/clock', { days: 11 * 365 });
  now = await tenantNow(tenant.control);
  index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices, recordsLib] });
  await index.refresh({ now });
  // A second reviewer's machine: its own index, read at the same time.
  otherIndex = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices, recordsLib] });
  await otherIndex.refresh({ now });
  site = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
  const ownerSite = await openRecordsSite(owner, 'https://custodiandev.sharepoint.com/sites/records');
  priya = createDispositionReview({ graph: manager, site, index, anchor });
  priyaRM = createDispositionReview({ graph: manager, site, index, anchor, actorIsRecordsManager: true });
  priyaElsewhere = createDispositionReview({ graph: manager, site, index: otherIndex, anchor, actorIsRecordsManager: true });
  sam = createDispositionReview({ graph: owner, site: ownerSite, index, anchor, legalHolds: () => readLegalHolds(manager) });
  // No legal-holds reader handed in: the site owner's own token lacks eDiscovery.Read.All (403).
  samWithoutHolds = createDispositionReview({ graph: owner, site: ownerSite, index, anchor });
  priya.checkAnchorLabel();
}, 90_000);
afterAll(() => tenant.close());

const registerLength = async (): Promise<number> => (await readRegister(site)).length;
const freeInvoices = async (): Promise<string[]> =>
  (await priya.queue(now)).filter((e) => e.item.listId === invoices.listId && e.holds.length === 0).map((e) => e.key);
let used = new Set<string>();
const nextInvoice = async (): Promise<string> => {
  const key = (await freeInvoices()).find((k) => !used.has(k));
  if (!key) throw new Error('no invoice left in the queue');
  used = new Set([...used, key]);
  return key;
};

describe('disposition review: what is refused, and that nothing is carried out', () => {
  it('a regulatory record is never disposed of: refused with the reason, the file kept, nothing in the register', async () => {
    const regulatory = (await priya.queue(now)).find((e) => e.item.labelName === 'Regulatory Filings - 10 Years');
    expect(regulatory).toBeDefined();
    const before = await registerLength();
    const e = await refusal(() => priya.decide(regulatory!.key, { kind: 'approve', justification: 'Past 10 years.' }, now));
    expect(e).toMatchObject({ code: 'regulatoryRecord', status: 403 });
    expect(e.what).toContain('did not dispose of');
    // Its period has ended (it is in the queue), so the reason is who may delete it, not that the period lasts.
    expect(e.why).toMatch(/Only Purview's own disposition review deletes a regulatory record, even after its retention period/);
    expect(e.why).not.toMatch(/while its retention period lasts/);
    const relabel = await refusal(() =>
      priyaRM.decide(regulatory!.key, { kind: 'relabel', justification: 'Keep it longer.', labelName: 'Board Minutes - Permanent' }, now)
    );
    expect(relabel).toMatchObject({ code: 'regulatoryRecord', status: 403 });
    expect(relabel.why).toMatch(/regulatory record cannot be relabelled/);
    expect(e.whatToDo).toMatch(/Purview/);
    const [siteId, listId, itemId] = regulatory!.key.split('|');
    await expect(getListItem(manager, { siteId, listId }, itemId)).resolves.toMatchObject({ id: itemId });
    expect(await registerLength()).toBe(before);
    expect((await priya.queue(now)).some((q) => q.key === regulatory!.key)).toBe(true);
    // What destroys nothing and keeps the label is still the reviewer's to decide: the review can wait.
    const extended = await priyaRM.decide(
      regulatory!.key,
      { kind: 'extend', justification: 'Regulator asked to keep it.', until: yearsAfter(now, 1) },
      now
    );
    expect(extended.outcome).toBe('extended');
  });

  it('a time that is not a date with a time zone is refused before anything is read or written', async () => {
    const key = (await freeInvoices())[0];
    const before = await registerLength();
    await expect(priya.queue('next week')).rejects.toThrow(RangeError);
    await expect(priya.decide(key, { kind: 'approve', justification: 'x' }, 'tomorrow')).rejects.toThrow(
      'The current time is not a valid date with a time zone.'
    );
    expect(await registerLength()).toBe(before);
  });

  it('a reviewer who cannot read eDiscovery holds sees an unknown hold on every item and cannot approve', async () => {
    const queue = await samWithoutHolds.queue(now);
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((q) => q.holds.some((h) => h.source === 'ediscovery' && /cannot read/.test(h.name)))).toBe(true);
    const key = await nextInvoice();
    await priya.decide(key, { kind: 'approve', justification: 'Stage 1 done.' }, now);
    const before = await registerLength();
    const e = await refusal(() => samWithoutHolds.decide(key, { kind: 'approve', justification: 'Looks fine.' }, now));
    expect(e).toMatchObject({ code: 'onHold', status: 423 });
    expect(e.why).toMatch(/cannot read/);
    expect(await registerLength()).toBe(before);
    const [siteId, listId, itemId] = key.split('|');
    await expect(getListItem(manager, { siteId, listId }, itemId)).resolves.toMatchObject({ id: itemId });
  });

  it('a second reviewer whose queue is out of date is told the item was disposed of; nothing is deleted or recorded twice', async () => {
    const key = await nextInvoice();
    await priya.decide(key, { kind: 'approve', justification: 'Stage 1.' }, now);
    expect((await sam.decide(key, { kind: 'approve', justification: 'Stage 2.' }, now)).outcome).toBe('disposed');
    const before = await registerLength();
    // The other machine's index still lists the item.
    expect(otherIndex.queue(now).some((q) => q.key === key)).toBe(true);
    const e = await refusal(() => priyaElsewhere.decide(key, { kind: 'approve', justification: 'Also approving.' }, now));
    expect(e).toMatchObject({ code: 'reviewConflict', status: 409, what: 'Your decision was not recorded.' });
    expect(e.why).toContain('has been disposed of');
    expect(e.whatToDo).toMatch(/Refresh/);
    expect(await registerLength()).toBe(before);
  });

  it('a second reviewer whose queue is out of date is told the item was relabelled; nothing is recorded twice', async () => {
    const key = await nextInvoice();
    const relabel = { kind: 'relabel' as const, justification: 'A financial record.', labelName: 'Financial Records - 7 Years' };
    expect((await priyaRM.decide(key, relabel, now)).outcome).toBe('relabelled');
    const before = await registerLength();
    expect(otherIndex.queue(now).some((q) => q.key === key)).toBe(true);
    const e = await refusal(() => priyaElsewhere.decide(key, { kind: 'approve', justification: 'Also approving.' }, now));
    expect(e).toMatchObject({ code: 'reviewConflict', status: 409 });
    expect(e.why).toContain('The review is now relabelled');
    expect(await registerLength()).toBe(before);
  });

  it('two first decisions on an item nobody has reviewed yet: one is recorded, the other is told who decided', async () => {
    const key = await nextInvoice();
    const before = await registerLength();
    const results = await Promise.allSettled([
      priya.decide(key, { kind: 'approve', justification: 'Mine.' }, now),
      priyaRM.decide(key, { kind: 'extend', justification: 'Wait for the audit.', until: yearsAfter(now, 23) }, now)
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as CustodianError;
    expect(lost).toMatchObject({ code: 'reviewConflict', status: 409 });
    expect(lost.why).toContain(by);
    expect(await registerLength()).toBe(before + 1);
  });

  it('a relabel of a file deleted meanwhile fails, and the review stays as it was with nothing recorded', async () => {
    const key = await nextInvoice();
    await priya.decide(key, { kind: 'approve', justification: 'Stage 1.' }, now);
    const stageBefore = (await priya.queue(now)).find((q) => q.key === key)!.review.currentStage;
    const [siteId, listId, itemId] = key.split('|');
    await deleteListItem(manager, { siteId, listId }, itemId, { itemName: 'the invoice' });
    const before = await registerLength();
    const e = await refusal(() =>
      priyaRM.decide(key, { kind: 'relabel', justification: 'Keep it.', labelName: 'Financial Records - 7 Years' }, now)
    );
    expect(e.status).toBe(404);
    expect(await registerLength()).toBe(before);
    const after = (await priya.queue(now)).find((q) => q.key === key);
    expect(after?.review).toMatchObject({ currentStage: stageBefore, status: 'pendingReview' });
  });

  it('an added reviewer appears on the stage in the queue, and the decision is in the register', async () => {
    const key = await nextInvoice();
    const result = await priyaRM.decide(
      key,
      { kind: 'addReviewer', justification: 'Needs tax input.', reviewer: 'tax.lead@custodiandev.onmicrosoft.com' },
      now
    );
    expect(result.outcome).toBe('reviewerAdded');
    const queued = (await priya.queue(now)).find((q) => q.key === key)!;
    expect(queued.review.stages[queued.review.currentStage - 1].reviewers).toContain('tax.lead@custodiandev.onmicrosoft.com');
    const last = (await readRegister(site)).at(-1)!;
    expect(last.payload).toMatchObject({ subject: key, action: 'addReviewer', by });
  });
});

describe('holds: what is refused', () => {
  it('refuses a hold with no reason, an unknown hold, adding to or releasing a released hold', async () => {
    await expect(priya.holds.create({ name: 'No reason', reason: '  ', by, now })).rejects.toMatchObject({
      code: 'justificationRequired'
    });
    expect((await priya.holds.list()).some((h) => h.name === 'No reason')).toBe(false);
    await expect(priya.holds.add({ holdId: 'H-nope', items: ['a|b|1'], by, justification: 'x', now })).rejects.toMatchObject({
      code: 'holdNotFound',
      status: 404
    });
    const { hold } = await priya.holds.create({ name: '   ', reason: 'Unnamed audit', by, now });
    expect(hold.name).toBe(hold.holdId);
    await priya.holds.release({ holdId: hold.holdId, by, justification: 'Done', now });
    const add = await refusal(() => priya.holds.add({ holdId: hold.holdId, sites: ['x'], by, justification: 'Late', now }));
    expect(add).toMatchObject({ code: 'holdReleased' });
    expect(add.whatToDo).toMatch(/new hold/);
    const again = await refusal(() => priya.holds.release({ holdId: hold.holdId, by, justification: 'Again', now }));
    expect(again.why).toContain(`already released by ${by}`);
    await expect(priya.holds.create({ name: 'Bad time', reason: 'r', by, now: 'yesterday' })).rejects.toThrow(RangeError);
  });

  it('a hold on a site covers every item of that site, whatever the case of the site id', async () => {
    const key = await nextInvoice();
    const siteId = key.split('|')[0];
    const { hold } = await priya.holds.create({ name: 'Finance site audit', reason: 'Whole site', by, now });
    await priya.holds.add({ holdId: hold.holdId, sites: [siteId.toUpperCase()], by, justification: 'All of finance', now });
    await priya.holds.add({ holdId: hold.holdId, sites: [siteId.toUpperCase()], by, justification: 'Repeated', now });
    expect((await priya.holds.list()).find((h) => h.holdId === hold.holdId)!.targets).toHaveLength(1);
    const e = await refusal(() => priya.decide(key, { kind: 'approve', justification: 'x' }, now));
    expect(e).toMatchObject({ code: 'onHold' });
    expect(e.why).toContain('Finance site audit');
    await priya.holds.release({ holdId: hold.holdId, by, justification: 'Closed', now });
  });
});
