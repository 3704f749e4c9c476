/**
 * Microsoft's documented answers for eDiscovery legal holds, verbatim unless a comment says otherwise: the outside
 * truth the hold check is tested against (never the dev tenant's own idea of these payloads).
 */

/**
 * List siteSources of an ediscoveryHoldPolicy, example response, verbatim:
 * https://learn.microsoft.com/graph/api/security-ediscoveryholdpolicy-list-sitesources?view=graph-rest-1.0
 * (the beta page, ...?view=graph-rest-beta, has the same body with `beta` in its URLs).
 */
export const listSiteSourcesResponse = {
  '@odata.context':
    "https://graph.microsoft.com/v1.0/$metadata#security/cases/ediscoveryCases('b0073e4e-4184-41c6-9eb7-8c8cc3e2288b')/custodians('0053a61a3b6c42738f7606791716a22a')/siteSources",
  value: [
    {
      '@odata.id': 'https://graph.microsoft.com/v1.0/sites/169718e3-a8df-449d-bef4-ee09fe1ddc5d',
      displayName: 'US Sales',
      createdDateTime: '2022-05-23T02:35:42.926309Z',
      holdStatus: 'applied',
      id: '169718e3-a8df-449d-bef4-ee09fe1ddc5d',
      createdBy: {
        application: null,
        user: {
          id: 'c25c3914-f9f7-43ee-9cba-a25377e0cec6',
          displayName: null
        }
      },
      site: {
        webUrl: 'https://m365x809305.sharepoint.com/sites/USSales',
        id: '169718e3-a8df-449d-bef4-ee09fe1ddc5d',
        createdDateTime: '2022-05-23T02:35:42.926309Z'
      }
    }
  ]
};

/** The site of Microsoft's example, as `siteSource.site` gives it. */
export const exampleSite = listSiteSourcesResponse.value[0].site;

/**
 * List legalHolds of a case, example response (one of its two holds):
 * https://learn.microsoft.com/graph/api/security-ediscoverycase-list-legalholds?view=graph-rest-1.0
 * Changed: `isEnabled` is true (Microsoft's example holds are disabled and pending; a disabled hold holds nothing).
 */
export const listLegalHoldsResponse = {
  '@odata.context':
    "https://graph.microsoft.com/beta/$metadata#security/cases/ediscoveryCases('b0073e4e-4184-41c6-9eb7-8c8cc3e2288b')/legalHolds",
  '@odata.count': 1,
  value: [
    {
      isEnabled: true,
      errors: [],
      contentQuery: '',
      description: null,
      createdDateTime: '2022-05-23T01:09:53Z',
      lastModifiedDateTime: '2022-05-23T02:36:26Z',
      status: 'pending',
      id: '783c3ea4-d474-4051-9c13-08707ce8c8b6',
      displayName: 'CustodianHold-b0073e4e-4184-41c6-9eb7-8c8cc3e2288b',
      createdBy: { application: null, user: { id: 'MOD Administrator', displayName: null } },
      lastModifiedBy: { application: null, user: { id: 'MOD Administrator', displayName: null } }
    }
  ]
};

/** One open case (ediscoveryCase: id, displayName, status), the case the two examples above belong to. */
export const listCasesResponse = {
  value: [{ id: 'b0073e4e-4184-41c6-9eb7-8c8cc3e2288b', displayName: 'CONTOSO LITIGATION-005', status: 'active' }]
};
