import { normaliseSiteUrl, siteMatchesHoldSource } from '../../../src/core/domain/siteMatchesHoldSource';
import { exampleSite, listSiteSourcesResponse } from './support/microsoftHoldBodies';

// Microsoft's example site source (security-ediscoveryholdpolicy-list-sitesources, v1.0 and beta):
// `site.id` is a bare GUID, with the site's webUrl. Items carry Graph's composite site id
// (`hostname,siteCollectionId,webId`, site resource: https://learn.microsoft.com/graph/api/resources/site).
const guid = '169718e3-a8df-449d-bef4-ee09fe1ddc5d';
const otherGuid = 'a1b2c3d4-0000-4000-8000-00000000abcd';
const host = 'm365x809305.sharepoint.com';

describe("a legal hold's site source matches the item's site by every form Microsoft documents", () => {
  it('the example body as Graph answers it: its bare GUID matches the composite id of the site it names', () => {
    const source = listSiteSourcesResponse.value[0].site;
    expect(siteMatchesHoldSource({ id: `${host},${guid},${otherGuid}` }, source)).toBe(true);
    expect(siteMatchesHoldSource({ id: `${host},${otherGuid},${guid}` }, source)).toBe(true);
    expect(siteMatchesHoldSource({ id: `${host},${otherGuid.toUpperCase()},${guid.toUpperCase()}` }, source)).toBe(true);
  });

  it('an item on another site of the same host is not held by it', () => {
    expect(siteMatchesHoldSource({ id: `${host},${otherGuid},${otherGuid}`, webUrl: `https://${host}/sites/Marketing` }, exampleSite)).toBe(
      false
    );
  });

  it("matches by the site's webUrl, ignoring case, a trailing slash and percent-encoding", () => {
    const elsewhere = `${host},${otherGuid},${otherGuid}`;
    for (const webUrl of [
      'https://m365x809305.sharepoint.com/sites/USSales',
      'https://M365X809305.SharePoint.com/sites/ussales/',
      'https://m365x809305.sharepoint.com/sites/US%53ales',
      'https://m365x809305.sharepoint.com/sites/USSales?web=1'
    ])
      expect([webUrl, siteMatchesHoldSource({ id: elsewhere, webUrl }, exampleSite)]).toEqual([webUrl, true]);
    const spaced = { id: '', webUrl: 'https://contoso.sharepoint.com/sites/US Sales' };
    expect(siteMatchesHoldSource({ id: elsewhere, webUrl: 'https://contoso.sharepoint.com/sites/US%20Sales' }, spaced)).toBe(true);
  });

  it("a subsite's URL is not its parent's, and a longer name is not a prefix match", () => {
    const elsewhere = `${host},${otherGuid},${otherGuid}`;
    expect(siteMatchesHoldSource({ id: elsewhere, webUrl: 'https://m365x809305.sharepoint.com/sites/USSales/emea' }, exampleSite)).toBe(
      false
    );
    expect(siteMatchesHoldSource({ id: elsewhere, webUrl: 'https://m365x809305.sharepoint.com/sites/USSalesEurope' }, exampleSite)).toBe(
      false
    );
    expect(siteMatchesHoldSource({ id: elsewhere, webUrl: 'https://contoso.sharepoint.com/sites/USSales' }, exampleSite)).toBe(false);
  });

  it('a composite source id holds that web, not a sibling web of the same site collection', () => {
    const source = { id: `contoso.sharepoint.com,${guid},${otherGuid}` };
    expect(siteMatchesHoldSource({ id: `contoso.sharepoint.com,${guid},${otherGuid}` }, source)).toBe(true);
    expect(siteMatchesHoldSource({ id: `contoso.sharepoint.com,${guid},b0073e4e-4184-41c6-9eb7-8c8cc3e2288b` }, source)).toBe(false);
  });

  it('an item site known only by a bare GUID, a malformed escape or an id of another shape are compared as they are', () => {
    expect(siteMatchesHoldSource({ id: `{${guid.toUpperCase()}}` }, exampleSite)).toBe(true);
    const broken = 'https://contoso.sharepoint.com/sites/100%';
    expect(siteMatchesHoldSource({ id: 'x', webUrl: broken }, { webUrl: `${broken}/` })).toBe(true);
    expect(siteMatchesHoldSource({ id: 'contoso.sharepoint.com:/sites/legal' }, { id: 'CONTOSO.sharepoint.com:/sites/legal' })).toBe(true);
  });

  it('a composite source id does not hold the same web id under another site collection', () => {
    const source = { id: `contoso.sharepoint.com,${guid},${otherGuid}` };
    expect(siteMatchesHoldSource({ id: `contoso.sharepoint.com,b0073e4e-4184-41c6-9eb7-8c8cc3e2288b,${otherGuid}` }, source)).toBe(false);
  });

  it('an id that merely contains the GUID, or three parts that are not GUIDs, is compared whole, as it is', () => {
    // Only Graph's two forms are read apart: a bare GUID (optionally in braces) and hostname,GUID,GUID.
    expect(siteMatchesHoldSource({ id: `${host},${otherGuid},${guid}0` }, exampleSite)).toBe(false);
    expect(siteMatchesHoldSource({ id: `${host},${otherGuid},x${guid}` }, exampleSite)).toBe(false);
    expect(siteMatchesHoldSource({ id: `${host},${otherGuid}-old,${guid}` }, exampleSite)).toBe(false);
    expect(siteMatchesHoldSource({ id: 'contoso.sharepoint.com,sites,finance' }, { id: 'contoso.sharepoint.com,sites,legal' })).toBe(false);
    expect(siteMatchesHoldSource({ id: 'contoso.sharepoint.com,sites,legal' }, { id: 'CONTOSO.sharepoint.com,Sites,Legal' })).toBe(true);
    const halfGuid = `contoso.sharepoint.com,${guid},not-a-guid`;
    expect(siteMatchesHoldSource({ id: `contoso.sharepoint.com,${guid},other` }, { id: halfGuid })).toBe(false);
    expect(siteMatchesHoldSource({ id: halfGuid.toUpperCase() }, { id: halfGuid })).toBe(true);
  });

  it('reads an id pasted with spaces around it or around the parts of a composite id', () => {
    expect(siteMatchesHoldSource({ id: ` ${host}, ${otherGuid} , ${guid} ` }, { id: ` ${guid} ` })).toBe(true);
    expect(siteMatchesHoldSource({ id: `${host},${guid},${otherGuid}` }, { id: ` ${host}, ${guid}, ${otherGuid} ` })).toBe(true);
    expect(siteMatchesHoldSource({ id: 'contoso.sharepoint.com:/sites/legal' }, { id: ' contoso.sharepoint.com:/sites/legal ' })).toBe(
      true
    );
    expect(siteMatchesHoldSource({ id: ' contoso.sharepoint.com:/sites/legal ' }, { id: 'contoso.sharepoint.com:/sites/legal' })).toBe(
      true
    );
  });

  it('falls back to the URL when the ids differ, whatever form the source id has', () => {
    const webUrl = 'https://contoso.sharepoint.com/sites/legal';
    const item = { id: `contoso.sharepoint.com,${otherGuid},${otherGuid}`, webUrl };
    expect(siteMatchesHoldSource(item, { id: 'contoso.sharepoint.com:/sites/legal', webUrl })).toBe(true);
    expect(siteMatchesHoldSource(item, { id: guid, webUrl })).toBe(true);
    expect(siteMatchesHoldSource(item, { id: `contoso.sharepoint.com,${guid},${guid}`, webUrl })).toBe(true);
    expect(siteMatchesHoldSource(item, { id: null, webUrl: `${webUrl}/` })).toBe(true);
    expect(siteMatchesHoldSource({ id: item.id }, { id: 'contoso.sharepoint.com:/sites/legal', webUrl })).toBe(false);
  });

  it('an empty id on both sides is no match: nothing identifies either site', () => {
    expect(siteMatchesHoldSource({ id: '' }, { id: '' })).toBe(false);
    expect(siteMatchesHoldSource({ id: ' ' }, { id: ' ', webUrl: null })).toBe(false);
  });

  it('reduces a site URL to its host and decoded path, for http as for https', () => {
    expect(normaliseSiteUrl(' http://Contoso.SharePoint.com//sites/US%20Sales/?web=1#top ')).toBe('contoso.sharepoint.com/sites/us sales');
    expect(normaliseSiteUrl('https://contoso.sharepoint.com')).toBe('contoso.sharepoint.com/');
    expect(normaliseSiteUrl('/sites/USSales')).toBeUndefined();
  });

  it('a source without id or URL, or with an address that is not a URL, matches nothing', () => {
    expect(siteMatchesHoldSource({ id: `${host},${guid},${guid}`, webUrl: 'https://x' }, {})).toBe(false);
    expect(siteMatchesHoldSource({ id: `${host},${otherGuid},${otherGuid}`, webUrl: 'USSales' }, { webUrl: 'USSales' })).toBe(false);
    expect(normaliseSiteUrl('ftp://m365x809305.sharepoint.com/sites/USSales')).toBeUndefined();
  });
});
