import { isSmtpAddress } from '../core/domain/smtpAddress';
import { reviewError } from '../core/services/disposition/dispositionErrors';

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

/**
 * Who may write proof anchors besides the file plan's reviewers (Custodian's service account, the records managers),
 * read from the tab's content URL as `?proofWriters=svc-custodian@contoso.com,records@contoso.com`: the tab
 * configuration Teams keeps (contentUrl in teams/manifest.json, or as saved by the configuration page), which only
 * whoever deploys or configures the tab can set. Without it, the creator of the register's first anchor is trusted
 * (trust on first use; see `judgeProofAnchors`). A list that is not email addresses is refused, never half-used.
 */
export function readProofWriters(search: URLSearchParams): string[] | undefined {
  const raw = search.get('proofWriters');
  if (raw === null || raw.trim() === '') return undefined;
  const writers = raw
    .split(/[,;]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const bad = writers.filter((w) => !isSmtpAddress(w));
  if (bad.length)
    throw reviewError({
      code: 'proofWritersInvalid',
      what: 'The Dispositions tab could not start.',
      why: `Its configuration names proof anchor writers that are not email addresses: ${bad.join(', ')}.`,
      whatToDo: 'Ask whoever set up the tab to list the writers as email addresses separated by commas (proofWriters=…).'
    });
  return writers;
}
