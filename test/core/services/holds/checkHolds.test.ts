import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { checkHolds, holdRefusal } from '../../../../src/core/services/holds/checkHolds';
import { existingHoldRegister } from '../../../../src/core/services/holds/existingHoldRegister';
import { listCasesResponse, listLegalHoldsResponse, listSiteSourcesResponse } from '../../domain/support/microsoftHoldBodies';
import { fakeTiming } from '../../support/fakeTiming';
import { startLoopbackPeer, staticTokens, type LoopbackPeer, type PeerReply } from '../../support/loopbackPeer';

// The hold check fed Microsoft's documented eDiscovery answers verbatim (security-ediscoveryholdpolicy-list-sitesources,
// https://learn.microsoft.com/graph/api/security-ediscoveryholdpolicy-list-sitesources), over HTTP from a peer that
// also answers `GET /sites/{id}?$select=webUrl` as the site resource documents it. Custodian's register is empty here.
const usSales = listSiteSourcesResponse.value[0].site;
const web = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const onUsSales = `m365x809305.sharepoint.com,${usSales.id},${web}|list-1|7`;
const elsewhereId = 'm365x809305.sharepoint.com,11111111-2222-4333-8444-555555555555,66666666-7777-4888-9999-000000000000';
const noRegister = { covering: async () => () => [] };

let peer: LoopbackPeer;
let graph: GraphGateway;
let sitesRead: string[];

beforeAll(async () => {
  peer = await startLoopbackPeer();
  // A virtual clock: the retries of a dropped connection wait on it, not on the wall clock.
  graph = createGraphGateway({ tokens: staticTokens(), baseUrl: peer.url, timing: fakeTiming(), governor: { initialRate: 1000 } });
});
afterAll(() => peer.close());
beforeEach(() => {
  sitesRead = [];
  peer.otherwise = (req) => {
    const path = decodeURIComponent(req.url.split('?')[0]);
    if (path.endsWith('/siteSources')) return { body: listSiteSourcesResponse };
    if (path.endsWith('/legalHolds')) return { body: listLegalHoldsResponse };
    if (path.endsWith('/ediscoveryCases')) return { body: listCasesResponse };
    const site = /\/sites\/([^/]+)$/.exec(path);
    if (site) {
      sitesRead.push(site[1]);
      // A second site collection whose URL is US Sales' (as after a site is renamed and its URL reused) and a subsite.
      const webUrl = site[1] === elsewhereId ? `${usSales.webUrl}/` : `${usSales.webUrl}/emea`;
      return { body: { id: site[1], webUrl } };
    }
    return { status: 404, body: { error: { code: 'itemNotFound', message: 'Not found.' } } };
  };
});

describe('checkHolds with the site sources Microsoft documents', () => {
  it('holds an item of US Sales by its id, one on a site with its URL, not one on a subsite; each site read once', async () => {
    const held = await checkHolds({ graph, register: async () => noRegister }, [
      { key: onUsSales, name: 'Q3 forecast.xlsx' },
      { key: `${elsewhereId}|list-2|1`, name: 'renamed.docx' },
      { key: `${elsewhereId}|list-2|2`, name: 'renamed too.docx' },
      { key: `m365x809305.sharepoint.com,${web},${web}|list-3|1`, name: 'emea.docx' }
    ]);
    expect(held.map((h) => [h.name, h.holds.map((x) => x.id)])).toEqual([
      ['Q3 forecast.xlsx', [listLegalHoldsResponse.value[0].id]],
      ['renamed.docx', [listLegalHoldsResponse.value[0].id]],
      ['renamed too.docx', [listLegalHoldsResponse.value[0].id]]
    ]);
    expect(sitesRead.filter((s) => s === elsewhereId)).toHaveLength(1);
    const refusal = holdRefusal(held, 'Custodian did not dispose of the items.');
    expect(refusal).toMatchObject({ code: 'onHold', status: 423 });
    expect(refusal.why).toContain(
      `eDiscovery legal hold "${listLegalHoldsResponse.value[0].displayName} (eDiscovery case ${listCasesResponse.value[0].displayName})"`
    );
    expect(refusal.why).toContain("'Q3 forecast.xlsx', 'renamed.docx', 'renamed too.docx'");
    expect(refusal.whatToDo).toMatch(/records manager to release the hold/);
  });

  it('an eDiscovery answer of 403 is "unknown": every item counts as possibly held, and the refusal says so', async () => {
    peer.otherwise = () => ({ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } } });
    const held = await checkHolds({ graph, register: async () => noRegister }, [{ key: onUsSales, name: 'a.docx' }]);
    expect(held[0].holds.map((h) => h.id)).toEqual(['unknown']);
    const refusal = holdRefusal(held, 'Custodian did not relabel the item.');
    expect(refusal.why).toMatch(/cannot tell whether 'a.docx' is on hold/);
    expect(refusal.whatToDo).toMatch(/eDiscovery role/);
  });

  it('any other eDiscovery failure is not taken for "no hold": the check fails', async () => {
    peer.otherwise = () => ({ status: 400, body: { error: { code: 'BadRequest', message: 'Bad.' } } });
    await expect(checkHolds({ graph, register: async () => noRegister }, [{ key: onUsSales, name: 'a.docx' }])).rejects.toMatchObject({
      status: 400
    });
  });
});

// Custodian's own register, read from the records site as the product reads it (`existingHoldRegister`: the site by
// its URL, then its holds list by name), with the eDiscovery answers above (US Sales held, nothing else).
describe("checkHolds when Custodian's hold register cannot be read", () => {
  const recordsUrl = 'https://m365x809305.sharepoint.com/sites/records';
  const recordsId = 'm365x809305.sharepoint.com,22222222-3333-4444-8555-666666666666,77777777-8888-4999-8aaa-bbbbbbbbbbbb';
  const register = async () => existingHoldRegister(graph, recordsUrl);
  // An item on a site no eDiscovery hold names, whose site URL the caller knows: only the register could hold it.
  const unheldItem = { key: `${elsewhereId}|list-2|9`, name: 'minutes.docx', siteUrl: 'https://m365x809305.sharepoint.com/sites/Board' };

  /** The records site found by its URL; its lists answered by `lists`, everything else as Graph answers above. */
  function recordsSiteAnswers(lists: PeerReply): void {
    const graphAnswers = peer.otherwise;
    peer.otherwise = (req) => {
      const path = decodeURIComponent(req.url.split('?')[0]);
      if (path.endsWith('/sites/m365x809305.sharepoint.com:/sites/records')) return { body: { id: recordsId, webUrl: recordsUrl } };
      if (path.includes(`/sites/${recordsId}/`)) return lists;
      return graphAnswers(req);
    };
  }

  it('a 403 from the records site makes every item "possibly held" by the register, and disposal is refused saying why', async () => {
    // A person without access to the records site (Sites.Read.All but not a member of it): SharePoint answers 403.
    recordsSiteAnswers({ status: 403, body: { error: { code: 'accessDenied', message: 'Access denied.' } } });
    const held = await checkHolds({ graph, register }, [unheldItem]);
    expect(held.map((h) => [h.name, h.holds.map((x) => [x.source, x.id])])).toEqual([['minutes.docx', [['custodian', 'unknown']]]]);
    const refusal = holdRefusal(held, 'Custodian did not dispose of the items.');
    expect(refusal).toMatchObject({ code: 'onHold', status: 423 });
    expect(refusal.why).toBe(
      "Custodian cannot tell whether 'minutes.docx' is on hold: Custodian's hold register, which your account cannot read."
    );
    expect(refusal.whatToDo).toMatch(/Ask a records manager/);
  });

  it('the same item is not held when the register is readable and empty (the 403 alone made it possibly held)', async () => {
    recordsSiteAnswers({ body: { value: [] } });
    await expect(checkHolds({ graph, register }, [unheldItem])).resolves.toEqual([]);
  });

  it.each([
    [
      'a 404 (the records site list is gone or the URL is wrong)',
      { status: 404, body: { error: { code: 'itemNotFound', message: 'Not found.' } } }
    ],
    ['a 400', { status: 400, body: { error: { code: 'invalidRequest', message: 'Bad request.' } } }]
  ])('%s from the register is not taken for "no hold": the check fails', async (_what, reply: PeerReply) => {
    recordsSiteAnswers(reply);
    await expect(checkHolds({ graph, register }, [unheldItem])).rejects.toMatchObject({ status: reply.status });
  });
});

// A hold whose site source names its site by URL only. Microsoft's create-siteSource example gives the site that way
// (security-ediscoveryholdpolicy-post-sitesources: `{ "site": { "webUrl": "https://m365x809305.sharepoint.com/sites/Retail" } }`);
// here the list answer is Microsoft's list example with that site and no id at all (neither the source's nor the
// site's), the one case where only the URL can tell which site is held.
describe('checkHolds with a legal hold that names its site by URL only', () => {
  const retailUrl = 'https://m365x809305.sharepoint.com/sites/Retail';
  const byUrlOnly = {
    ...listSiteSourcesResponse,
    value: [
      {
        displayName: 'Retail',
        holdStatus: 'applied',
        createdDateTime: listSiteSourcesResponse.value[0].createdDateTime,
        site: { webUrl: retailUrl }
      }
    ]
  };
  const retailId = 'm365x809305.sharepoint.com,12121212-3434-4565-8787-909090909090,abababab-cdcd-4efe-8a1a-2b2b2b2b2b2b';
  const item = { key: `${retailId}|list-4|3`, name: 'store plan.docx' };

  /** The site sources by URL only; `GET /sites/{id}` answered by `site` (the item's site as Graph gives it, or a failure). */
  function answer(site: (id: string) => PeerReply): void {
    const graphAnswers = peer.otherwise;
    peer.otherwise = (req) => {
      const path = decodeURIComponent(req.url.split('?')[0]);
      if (path.endsWith('/siteSources')) return { body: byUrlOnly };
      const read = /\/sites\/([^/]+)$/.exec(path);
      if (read) {
        sitesRead.push(read[1]);
        return site(read[1]);
      }
      return graphAnswers(req);
    };
  }

  it.each([
    ['a 403 (Sites.Read.All not granted)', { status: 403, body: { error: { code: 'accessDenied', message: 'Access denied.' } } }],
    ['a 404 (the site was deleted)', { status: 404, body: { error: { code: 'itemNotFound', message: 'Not found.' } } }],
    ['a dropped connection', { drop: true }]
  ])(
    "the item's site URL cannot be read, %s: the item counts as possibly held, and the refusal says so",
    async (_what, reply: PeerReply) => {
      answer(() => reply);
      const held = await checkHolds({ graph, register: async () => noRegister }, [item]);
      expect(held.map((h) => [h.name, h.holds.map((x) => [x.source, x.id])])).toEqual([['store plan.docx', [['ediscovery', 'unknown']]]]);
      expect(sitesRead).toContain(retailId);
      const refusal = holdRefusal(held, 'Custodian did not dispose of the items.');
      expect(refusal.why).toBe(
        "Custodian cannot tell whether 'store plan.docx' is on hold: eDiscovery legal holds on sites Custodian could not compare with this one."
      );
      expect(refusal.whatToDo).toMatch(/eDiscovery role/);
    }
  );

  it("the item's site URL read from Graph decides: held when it is the hold's site, not held when it is another", async () => {
    answer((id) => ({ body: { id, webUrl: id === retailId ? 'https://M365X809305.sharepoint.com/sites/retail/' : `${retailUrl}Europe` } }));
    const otherId = 'm365x809305.sharepoint.com,34343434-5656-4787-8989-010101010101,cdcdcdcd-efef-4a1a-8b2b-3c3c3c3c3c3c';
    const held = await checkHolds({ graph, register: async () => noRegister }, [item, { key: `${otherId}|list-5|1`, name: 'europe.docx' }]);
    expect(held.map((h) => [h.name, h.holds.map((x) => [x.source, x.id, x.name])])).toEqual([
      [
        'store plan.docx',
        [
          [
            'ediscovery',
            listLegalHoldsResponse.value[0].id,
            `${listLegalHoldsResponse.value[0].displayName} (eDiscovery case ${listCasesResponse.value[0].displayName})`
          ]
        ]
      ]
    ]);
    expect([...sitesRead].sort()).toEqual([otherId, retailId].sort());
  });
});
