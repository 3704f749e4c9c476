import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { checkHolds, holdRefusal } from '../../../../src/core/services/holds/checkHolds';
import { listCasesResponse, listLegalHoldsResponse, listSiteSourcesResponse } from '../../domain/support/microsoftHoldBodies';
import { startLoopbackPeer, staticTokens, type LoopbackPeer } from '../../support/loopbackPeer';

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
  graph = createGraphGateway({ tokens: staticTokens(), baseUrl: peer.url, governor: { initialRate: 1000 } });
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
