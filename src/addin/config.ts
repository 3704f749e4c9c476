/**
 * Custodian's Entra app registration (SPA, redirect `brk-multihub://<origin>` for nested app authentication).
 * Must equal `webApplicationInfo.id` in teams/manifest.json, which lets Outlook prefetch the NAA token.
 */
export const custodianClientId = '3dd40f98-3c1e-4a28-8069-dccbd6ae7722';
