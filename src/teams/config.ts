/**
 * Custodian's Entra app registration (SPA, redirect `brk-multihub://<origin>` for nested app authentication).
 * Must equal `webApplicationInfo.id` in teams/manifest.json, which lets Teams prefetch the NAA token.
 */
export const custodianClientId = '3dd40f98-3c1e-4a28-8069-dccbd6ae7722';

/** The records site's path on the tenant's SharePoint host: review states, holds and the proof register live there. */
export const recordsSitePath = '/sites/records';

/**
 * The record label that locks each proof anchor. In a tenant, use a regulatory record label (nobody can then
 * unlock, relabel or delete an anchor); the dev tenant has no regulatory label that is kept forever, so the demo
 * uses a record label that is.
 */
export const anchorLabelName = 'Custodian Proof Anchor';
export const demoAnchorLabelName = 'Board Minutes - Permanent';

/** The dev tenant's SharePoint host (it also answers on its own origin). */
export const demoSharePointHost = 'custodiandev.sharepoint.com';

/** The Teams tab's entity id in teams/manifest.json. */
export const tabEntityId = 'dispositions';
