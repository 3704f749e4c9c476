/**
 * Custodian's Entra app registration (SPA, redirect `brk-multihub://<origin>` for nested app authentication).
 * Must equal `webApplicationInfo.id` in teams/manifest.json, which lets Outlook prefetch the NAA token.
 */
export const custodianClientId = '3dd40f98-3c1e-4a28-8069-dccbd6ae7722';

/** The records site (Custodian's own lists: library plans), on the tenant's SharePoint host. */
export const recordsSitePath = '/sites/records';

/** The dev tenant's SharePoint host name, as its seeded URLs give it (demo mode). */
export const demoSharePointHost = 'custodiandev.sharepoint.com';
