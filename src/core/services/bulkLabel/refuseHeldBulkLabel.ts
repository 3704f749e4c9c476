import { readFilePlan } from '../filePlan/readFilePlan';
import { sameLabelName } from '../filePlan/sameLabelName';
import { refuseHeldLabelling } from '../holds/refuseHeldLabelling';
import type { SiteScope } from '../libraryPlan/siteScope';

/**
 * The hold check of bulk labelling (`refuseHeldLabelling`): the default label as the file plan describes it; a
 * file plan that cannot be read leaves the label unknown, so it is checked as one that may delete.
 */
export async function refuseHeldBulkLabel(
  scope: SiteScope,
  library: { id: string; name: string },
  label: string,
  unlabelled: readonly { id: number; name: string }[],
  signal?: AbortSignal
): Promise<void> {
  if (!unlabelled.length) return;
  const plan = await readFilePlan(scope.graph, { signal }).catch(() => undefined);
  const known = plan?.labels.find((l) => sameLabelName(l.name, label));
  await refuseHeldLabelling(
    { graph: scope.graph, recordsSite: () => scope.recordsSite(), siteId: await scope.siteId(), siteUrl: scope.site.siteUrl, library },
    { name: label, ...(known ? { known } : {}) },
    unlabelled
  );
}
