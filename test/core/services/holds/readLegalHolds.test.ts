import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { checkHolds, holdRefusal, type HeldTarget } from '../../../../src/core/services/holds/checkHolds';
import type { HoldOnItem } from '../../../../src/core/services/holds/holdRegister';
import { readLegalHolds } from '../../../../src/core/services/holds/legalHolds';
import { listCasesResponse, listLegalHoldsResponse, listSiteSourcesResponse } from '../../domain/support/microsoftHoldBodies';
import { fakeTiming } from '../../support/fakeTiming';
import { startLoopbackPeer, staticTokens, type LoopbackPeer, type SeenRequest } from '../../support/loopbackPeer';

// Which eDiscovery holds are in force, read from answers in the shapes Microsoft documents for ediscoveryCase
// (`status`: active, closing, closed…), legalHold (`isEnabled`, `contentQuery`) and siteSource (`site` expanded or
// not). A hold that is not in force must hold nothing; one that is must never be dropped because a property is
// missing. The peer answers per case and per hold, as Graph's URLs address them.
const [documentedCase] = listCasesResponse.value;
const [documentedHold] = listLegalHoldsResponse.value;
const [documentedSource] = listSiteSourcesResponse.value;

let peer: LoopbackPeer;
let graph: GraphGateway;
let seen: string[];

beforeAll(async () => {
  peer = await startLoopbackPeer();
  graph = createGraphGateway({ tokens: staticTokens(), baseUrl: peer.url, timing: fakeTiming(), governor: { initialRate: 1000 } });
});
afterAll(() => peer.close());

/** Answers the three lists: `cases`, each case's holds by case id, each hold's site sources by hold id. */
function tenant(cases: object[], holds: Record<string, object[]>, sources: Record<string, object[]>): void {
  seen = [];
  peer.otherwise = (req: SeenRequest) => {
    const path = decodeURIComponent(req.url.split('?')[0]);
    seen.push(path);
    const sourcesOf = /legalHolds\/([^/]+)\/siteSources$/.exec(path);
    if (sourcesOf) return { body: { value: sources[sourcesOf[1]] ?? [] } };
    const holdsOf = /ediscoveryCases\/([^/]+)\/legalHolds$/.exec(path);
    if (holdsOf) return { body: { value: holds[holdsOf[1]] ?? [] } };
    if (path.endsWith('/ediscoveryCases')) return { body: { value: cases } };
    return { status: 404, body: { error: { code: 'itemNotFound', message: 'Not found.' } } };
  };
}

describe('the eDiscovery legal holds in force', () => {
  it('are the enabled holds of every case that is not closed, each with its sites as Microsoft documents them', async () => {
    tenant(
      [documentedCase, { id: 'case-closing', displayName: 'Closing matter', status: 'closing' }],
      { [documentedCase.id]: [documentedHold], 'case-closing': [{ id: 'hold-closing', displayName: 'Still held', isEnabled: true }] },
      {
        [documentedHold.id]: [documentedSource],
        'hold-closing': [{ id: 'source-1', site: { id: 'site-2', webUrl: 'https://contoso.sharepoint.com/sites/b' } }]
      }
    );
    await expect(readLegalHolds(graph)).resolves.toEqual([
      {
        caseId: documentedCase.id,
        caseName: documentedCase.displayName,
        holdId: documentedHold.id,
        name: documentedHold.displayName,
        contentQuery: '',
        sites: [{ id: documentedSource.site.id, webUrl: documentedSource.site.webUrl }]
      },
      {
        caseId: 'case-closing',
        caseName: 'Closing matter',
        holdId: 'hold-closing',
        name: 'Still held',
        contentQuery: '',
        sites: [{ id: 'site-2', webUrl: 'https://contoso.sharepoint.com/sites/b' }]
      }
    ]);
  });

  it('leave out a closed case without reading its holds, and a disabled hold without reading its sites', async () => {
    tenant(
      [
        { id: 'case-closed', displayName: 'Settled', status: 'closed' },
        { id: 'case-open', displayName: 'Open', status: 'active' }
      ],
      {
        'case-closed': [{ id: 'hold-closed', isEnabled: true }],
        'case-open': [
          { id: 'hold-off', displayName: 'Released', isEnabled: false },
          { id: 'hold-on', displayName: 'Litigation', isEnabled: true, contentQuery: 'author:"Megan"' }
        ]
      },
      { 'hold-off': [{ site: { id: 'site-off' } }], 'hold-on': [{ site: { id: 'site-on' } }] }
    );
    const holds = await readLegalHolds(graph);
    expect(holds.map((h) => [h.caseId, h.holdId, h.contentQuery, h.sites])).toEqual([
      ['case-open', 'hold-on', 'author:"Megan"', [{ id: 'site-on', webUrl: null }]]
    ]);
    expect(seen.some((path) => path.includes('case-closed'))).toBe(false);
    expect(seen.some((path) => path.includes('hold-off'))).toBe(false);
  });

  it('count a hold whose `isEnabled` Graph leaves out, and name a case or hold without a display name by its id', async () => {
    tenant(
      [{ id: 'case-1' }],
      { 'case-1': [{ id: 'hold-1' }] },
      { 'hold-1': [{ site: { webUrl: 'https://contoso.sharepoint.com/sites/a' } }] }
    );
    await expect(readLegalHolds(graph)).resolves.toEqual([
      {
        caseId: 'case-1',
        caseName: 'case-1',
        holdId: 'hold-1',
        name: 'hold-1',
        contentQuery: '',
        sites: [{ id: null, webUrl: 'https://contoso.sharepoint.com/sites/a' }]
      }
    ]);
  });

  it('skip a case or a hold that has no id (nothing can be read under it), and keep the others', async () => {
    tenant(
      [{ displayName: 'No id', status: 'active' }, { id: 'case-1' }],
      { 'case-1': [{ displayName: 'No id', isEnabled: true }, { id: 'hold-1' }] },
      {}
    );
    const holds = await readLegalHolds(graph);
    expect(holds.map((h) => h.holdId)).toEqual(['hold-1']);
    expect(seen.filter((path) => path.endsWith('/legalHolds'))).toEqual(['/v1.0/security/cases/ediscoveryCases/case-1/legalHolds']);
  });

  it("take the source's own id for its site when `site` is not expanded (Microsoft's example gives both the same id), and drop a source naming no site", async () => {
    tenant(
      [{ id: 'case-1' }],
      { 'case-1': [{ id: 'hold-1' }] },
      {
        'hold-1': [
          { id: documentedSource.id, displayName: 'US Sales' },
          { displayName: 'Nothing to compare' },
          { id: 'source-3', site: { id: 'site-3' } }
        ]
      }
    );
    const [hold] = await readLegalHolds(graph);
    expect(hold.sites).toEqual([
      { id: documentedSource.id, webUrl: null },
      { id: 'site-3', webUrl: null }
    ]);
  });
});

describe('checking holds', () => {
  it('reads nothing at all for no items', async () => {
    tenant([documentedCase], {}, {});
    const register = jest.fn();
    await expect(checkHolds({ graph, register }, [])).resolves.toEqual([]);
    expect(register).not.toHaveBeenCalled();
    expect(seen).toEqual([]);
  });

  it('does not read the URL of a site the caller already gave, even when a hold names sites by URL', async () => {
    tenant(
      [{ id: 'case-1' }],
      { 'case-1': [{ id: 'hold-1', displayName: 'Retail' }] },
      {
        'hold-1': [{ site: { webUrl: 'https://contoso.sharepoint.com/sites/Retail' } }]
      }
    );
    const siteId = 'contoso.sharepoint.com,11111111-2222-4333-8444-555555555555,66666666-7777-4888-9999-000000000000';
    const held = await checkHolds({ graph, register: async () => ({ covering: async () => () => [] }) }, [
      { key: `${siteId}|list|1`, name: 'plan.docx', siteUrl: 'https://contoso.sharepoint.com/sites/retail' },
      { key: `${siteId}|list|2`, name: 'minutes.docx' }
    ]);
    expect(held.map((h) => [h.name, h.holds.map((x) => x.name)])).toEqual([
      ['plan.docx', ['Retail (eDiscovery case case-1)']],
      ['minutes.docx', ['Retail (eDiscovery case case-1)']]
    ]);
    expect(seen.filter((path) => path.startsWith('/v1.0/sites/'))).toEqual([]);
  });

  it('does not read any site URL when no legal hold names a site by URL', async () => {
    tenant([{ id: 'case-1' }], { 'case-1': [{ id: 'hold-1' }] }, { 'hold-1': [{ site: { id: 'another-site' } }] });
    const held = await checkHolds({ graph, register: async () => ({ covering: async () => () => [] }) }, [
      { key: 'contoso.sharepoint.com,11111111-2222-4333-8444-555555555555,66666666-7777-4888-9999-000000000000|l|1', name: 'a.docx' }
    ]);
    expect(held).toEqual([]);
    expect(seen.filter((path) => path.startsWith('/v1.0/sites/'))).toEqual([]);
  });
});

describe('the refusal of a change to held items', () => {
  const custodianHold: HoldOnItem = { source: 'custodian', id: 'H-7', name: 'Audit 2026' };
  const legalHold: HoldOnItem = { source: 'ediscovery', id: 'hold-1', name: 'Litigation (eDiscovery case Contoso v. Fabrikam)' };
  const unknown: HoldOnItem = { source: 'ediscovery', id: 'unknown', name: 'eDiscovery legal holds that your account cannot read' };
  const item = (name: string, holds: HoldOnItem[]): HeldTarget => ({ key: `s|l|${name}`, name, holds });

  it('names one item, says "is", and describes each kind of hold the way a records manager finds it', () => {
    const refusal = holdRefusal([item('a.docx', [custodianHold, legalHold])], 'Custodian did not dispose of the item.');
    expect(refusal).toMatchObject({ status: 423, code: 'onHold', source: 'client', what: 'Custodian did not dispose of the item.' });
    expect(refusal.why).toBe(
      `'a.docx' is under Custodian hold "Audit 2026" (H-7); eDiscovery legal hold "Litigation (eDiscovery case Contoso v. Fabrikam)".`
    );
    expect(refusal.serviceMessage).toBe(refusal.why);
    expect(refusal.whatToDo).toBe(
      'Ask the records manager to release the hold when the matter is closed, then try again; nothing was changed.'
    );
  });

  it('names the first three of many items and counts the rest, says "are", and lists each hold once', () => {
    const held = ['a', 'b', 'c', 'd', 'e'].map((name) => item(`${name}.docx`, [custodianHold]));
    expect(holdRefusal(held, 'x').why).toBe(`'a.docx', 'b.docx', 'c.docx' and 2 more are under Custodian hold "Audit 2026" (H-7).`);
    expect(holdRefusal(held.slice(0, 3), 'x').why).toBe(`'a.docx', 'b.docx', 'c.docx' are under Custodian hold "Audit 2026" (H-7).`);
  });

  it('says a hold is known when one is, even beside holds it cannot read', () => {
    const refusal = holdRefusal([item('a.docx', [unknown]), item('b.docx', [legalHold])], 'x');
    expect(refusal.why).toBe(
      `'a.docx', 'b.docx' are under eDiscovery legal holds that your account cannot read; eDiscovery legal hold "Litigation (eDiscovery case Contoso v. Fabrikam)".`
    );
    expect(refusal.whatToDo).toMatch(/^Ask the records manager to release the hold/);
  });

  it('says it cannot tell, for several items, when no hold could be read', () => {
    const refusal = holdRefusal([item('a.docx', [unknown]), item('b.docx', [unknown])], 'x');
    expect(refusal.why).toBe(
      `Custodian cannot tell whether 'a.docx', 'b.docx' are on hold: eDiscovery legal holds that your account cannot read.`
    );
    expect(refusal.whatToDo).toMatch(/eDiscovery role/);
  });
});
