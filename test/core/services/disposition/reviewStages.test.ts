import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { createDispositionReview, type DispositionReviewService } from '../../../../src/core/services/disposition/createDispositionReview';
import { createDispositionIndex, type DispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';

// How a review moves through time and stages as Purview's disposition review does
// (https://learn.microsoft.com/purview/disposition#multi-stage-disposition-review): an extension takes the item out
// of the queue until its date and then starts the review again at the first stage; a reviewer added to a stage
// reviews that stage only.

const daysAfter = (now: string, days: number): string => new Date(Date.parse(now) + days * 86_400_000).toISOString();

let tenant: TestTenant;
let manager: GraphGateway;
let invoices: ListRef;
let index: DispositionIndex;
let priya: DispositionReviewService;
let priyaRM: DispositionReviewService;
let now: string;

beforeAll(async () => {
  tenant = await startTestTenant(120);
  manager = tenant.graph('records-manager');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  await tenant.control('POST', '/clock', { days: 8 * 365 });
  now = await tenantNow(tenant.control);
  index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices] });
  await index.refresh({ now });
  const site = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
  const anchor = { labelName: 'Board Minutes - Permanent' };
  priya = createDispositionReview({ graph: manager, site, index, anchor });
  priyaRM = createDispositionReview({ graph: manager, site, index, anchor, actorIsRecordsManager: true });
  priya.checkAnchorLabel();
}, 90_000);
afterAll(() => tenant.close());

let taken = new Set<string>();
/** An invoice waiting for review that no other test of this file has decided on. */
async function freshInvoice(): Promise<string> {
  const key = (await priya.queue(now)).map((e) => e.key).find((k) => !taken.has(k));
  if (!key) throw new Error('no invoice left in the queue');
  taken = new Set([...taken, key]);
  return key;
}

const queued = async (key: string, at: string) => (await priya.queue(at)).find((e) => e.key === key);

it('an extended review leaves the queue until its date, then comes back at the first stage, waiting for review', async () => {
  const key = await freshInvoice();
  expect((await priya.decide(key, { kind: 'approve', justification: 'Stage 1 done.' }, now)).outcome).toBe('nextStage');
  expect((await queued(key, now))?.review.currentStage).toBe(2);
  const until = daysAfter(now, 30);
  const extended = await priyaRM.decide(key, { kind: 'extend', justification: 'Wait for the tax audit.', until }, now);
  expect(extended.outcome).toBe('extended');

  expect(await queued(key, now)).toBeUndefined();
  expect(await queued(key, daysAfter(now, 29))).toBeUndefined();
  const back = await queued(key, daysAfter(now, 31));
  expect(back?.review).toMatchObject({ status: 'pendingReview', currentStage: 1 });
  expect(back?.review.extendedUntil).toBeUndefined();
});

it('a reviewer added to the first stage reviews that stage only', async () => {
  const key = await freshInvoice();
  const taxLead = 'tax.lead@custodiandev.onmicrosoft.com';
  const before = (await queued(key, now))!.review.stages;
  expect(before.length).toBeGreaterThan(1);
  expect(before.flatMap((s) => s.reviewers)).not.toContain(taxLead);

  await priyaRM.decide(key, { kind: 'addReviewer', justification: 'Needs tax input.', reviewer: taxLead }, now);
  await priya.decide(key, { kind: 'approve', justification: 'Stage 1 done.' }, now);
  const after = (await queued(key, now))!.review;
  expect(after.currentStage).toBe(2);
  expect(after.stages[0].reviewers).toContain(taxLead);
  expect(after.stages[1].reviewers).toEqual(before[1].reviewers);
});

it('an item relabelled in review to a label that asks for a review of its own comes back when that label ends, in a new review', async () => {
  const key = await freshInvoice();
  await priya.decide(key, { kind: 'approve', justification: 'Stage 1 done.' }, now);
  const relabel = {
    kind: 'relabel' as const,
    justification: 'A health and safety file, not an invoice.',
    labelName: 'Health and Safety - 40 Years'
  };
  expect((await priyaRM.decide(key, relabel, now)).outcome).toBe('relabelled');
  expect(await queued(key, now)).toBeUndefined();

  // Purview: the new label's retention applies, from the item's own start (created), and ends in its own review.
  const later = daysAfter(now, 33 * 365);
  await index.refresh({ now: later });
  const back = await queued(key, later);
  expect(back?.item.labelName).toBe('Health and Safety - 40 Years');
  expect(back?.review).toMatchObject({ status: 'pendingReview', currentStage: 1 });
  expect(back?.review.relabelTo).toBeUndefined();
  expect(back?.review.stages.map((s) => s.name)).not.toContain('Finance review');
  const decided = await priyaRM.decide(key, { kind: 'extend', justification: 'Keep for the inquiry.', until: daysAfter(later, 30) }, later);
  expect(decided.outcome).toBe('extended');
  // The new review's own state: nothing of the old one's relabel is carried into it.
  const resumed = await queued(key, daysAfter(later, 31));
  expect(resumed?.review).toMatchObject({ status: 'pendingReview', currentStage: 1 });
  expect(resumed?.review.relabelTo).toBeUndefined();
});
