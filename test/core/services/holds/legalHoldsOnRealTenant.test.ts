import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { getListItem } from '../../../../src/core/graph/listItems/getListItem';
import { createDispositionReview, type DispositionReviewService } from '../../../../src/core/services/disposition/createDispositionReview';
import { readRegister } from '../../../../src/core/services/disposition/proofRegister';
import { readLegalHolds } from '../../../../src/core/services/holds/legalHolds';
import { createDispositionIndex, type DispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { openRecordsSite, type RecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { listCasesResponse, listLegalHoldsResponse, listSiteSourcesResponse } from '../../domain/support/microsoftHoldBodies';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { startLoopbackPeer, staticTokens, type LoopbackPeer } from '../../support/loopbackPeer';
import { findLibrary, tenantNow } from '../index/testLibraries';
import { refusal } from '../support/refusal';

// A real tenant answers a hold's site sources as Microsoft documents (security-ediscoveryholdpolicy-list-sitesources,
// https://learn.microsoft.com/graph/api/security-ediscoveryholdpolicy-list-sitesources): `site.id` a bare GUID, and
// the site's `webUrl`. Here the eDiscovery answers come from a peer speaking exactly that form, about the dev
// tenant's finance site; the documents, the records site and the deletions are the dev tenant's.

let tenant: TestTenant;
let peer: LoopbackPeer;
let manager: GraphGateway;
let invoices: ListRef;
let site: RecordsSite;
let index: DispositionIndex;
let now: string;
let financeCollectionId: string;
let financeWebId: string;
let financeUrl: string;
const anchor = { labelName: 'Board Minutes - Permanent' };

/** Microsoft's example body with its one site source about `site` instead of US Sales. */
const siteSourcesAbout = (site: { id?: string; webUrl?: string }): unknown => ({
  ...listSiteSourcesResponse,
  value: [{ ...listSiteSourcesResponse.value[0], id: site.id ?? 'source-1', site: { ...listSiteSourcesResponse.value[0].site, ...site } }]
});

function answerEdiscovery(siteSources: unknown): GraphGateway {
  peer.otherwise = (req) => {
    const path = req.url.split('?')[0];
    if (/\/siteSources$/.test(path)) return { body: siteSources };
    if (/\/legalHolds$/.test(path)) return { body: listLegalHoldsResponse };
    if (/\/ediscoveryCases$/.test(path)) return { body: listCasesResponse };
    return { status: 404, body: { error: { code: 'itemNotFound', message: 'Not found.' } } };
  };
  return createGraphGateway({ tokens: staticTokens(), baseUrl: peer.url, governor: { initialRate: 1000 } });
}

const reviewWith = (ediscovery: GraphGateway): DispositionReviewService =>
  createDispositionReview({ graph: manager, site, index, anchor, legalHolds: () => readLegalHolds(ediscovery) });

beforeAll(async () => {
  tenant = await startTestTenant(200);
  peer = await startLoopbackPeer();
  manager = tenant.graph('records-manager');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  [, financeCollectionId, financeWebId] = invoices.siteId.split(',');
  const finance = await manager.call<{ webUrl: string }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(invoices.siteId)}?$select=webUrl`,
    action: 'open the site'
  });
  financeUrl = finance.webUrl;
  await tenant.control('POST', '/clock', { days: 8 * 365 });
  now = await tenantNow(tenant.control);
  index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices] });
  await index.refresh({ now });
  site = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
  const review = createDispositionReview({ graph: manager, site, index, anchor });
  review.checkAnchorLabel();
}, 90_000);
afterAll(async () => {
  await peer.close();
  await tenant.close();
});

describe('an eDiscovery legal hold in the form Microsoft documents holds the documents of its site', () => {
  const holdName = listLegalHoldsResponse.value[0].displayName;

  const forms: [string, () => { id?: string; webUrl?: string }][] = [
    ['its site collection id (bare GUID)', () => ({ id: financeCollectionId, webUrl: financeUrl })],
    ['its web id (bare GUID)', () => ({ id: financeWebId })],
    ['its webUrl only, in another case and with a trailing slash', () => ({ id: undefined, webUrl: `${financeUrl.toUpperCase()}/` })]
  ];
  const heldBy = `${holdName} (eDiscovery case ${listCasesResponse.value[0].displayName})`;

  it.each(forms)('by %s: every invoice waiting for review is shown held', async (_form, source) => {
    const review = reviewWith(answerEdiscovery(siteSourcesAbout(source())));
    const queue = (await review.queue(now)).filter((e) => e.item.listId === invoices.listId);
    expect(queue.length).toBeGreaterThan(0);
    for (const entry of queue) expect(entry.holds.map((h) => h.name)).toContain(heldBy);
  });

  // The decision reads the holds again, for the one item decided: a hold naming the site by URL only is matched by
  // reading the item's site URL then, not by a guess.
  it.each(forms)(
    'by %s: approving disposal of a held invoice is refused naming the hold, the file kept and nothing added to the proof register',
    async (_form, source) => {
      const review = reviewWith(answerEdiscovery(siteSourcesAbout(source())));
      const [entry] = (await review.queue(now)).filter((e) => e.item.listId === invoices.listId);
      const before = (await readRegister(site)).length;
      const refused = await refusal(() => review.decide(entry.key, { kind: 'approve', justification: 'Seven years are over.' }, now));
      expect(refused).toMatchObject({ code: 'onHold', status: 423 });
      expect(refused.why).toContain(holdName);
      await expect(getListItem(manager, invoices, entry.item.id)).resolves.toMatchObject({ id: entry.item.id });
      expect((await readRegister(site)).length).toBe(before);
    }
  );

  it("Microsoft's own example (US Sales on m365x809305) holds nothing of this tenant", async () => {
    const review = reviewWith(answerEdiscovery(listSiteSourcesResponse));
    const queue = (await review.queue(now)).filter((e) => e.item.listId === invoices.listId);
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.filter((e) => e.holds.some((h) => h.source === 'ediscovery'))).toEqual([]);
  });
});
