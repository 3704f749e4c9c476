import { retentionEnd } from '../../domain/retentionEnd';
import type { CallOptions } from '../../graph/GraphCall';
import { readFilePlan } from '../filePlan/readFilePlan';
import { sameLabelName } from '../filePlan/sameLabelName';
import { readLibraryFiles } from '../libraryPlan/libraryFiles';
import type { SiteScope } from '../libraryPlan/siteScope';
import type { ApplyDefaultRequest } from './applyDefaultToExistingItems';
import { libraryDefaultLabel } from './libraryDefaultLabel';

/** What applying a library's default label to its existing items would do, said before anything is written. */
export interface ApplyDefaultPreview {
  libraryName: string;
  label: string;
  /** Files without a label: the ones that get it. */
  toLabel: number;
  /** Files that already carry it (done again, unchanged). */
  alreadyLabelled: number;
  /** Files labelled otherwise: they keep their label. */
  keepOwnLabel: number;
  /**
   * Of the files to label, those whose retention under the label is already over (counted from their created or
   * modified date, as the label says): once labelled, the label's end action happens at once, which SharePoint
   * carries out within 7 days. `action` is that end action; unknown when the label is not in the file plan.
   */
  dueAtOnce: { count: number; action: 'delete' | 'startDispositionReview' | 'none' | 'unknown'; names: string[] };
}

/**
 * Reads what `applyDefaultToExistingItems` would change, writing nothing, so the site owner is told how many files
 * get the label and how many are past its retention already (deleted or sent for review at once) before confirming.
 * Permission: Sites.Read.All on the site; RecordsManagement.Read.All for the label's settings.
 */
export async function previewApplyDefault(
  scope: SiteScope,
  request: ApplyDefaultRequest,
  options: CallOptions = {}
): Promise<ApplyDefaultPreview> {
  const signal = options.signal;
  const { lib, label } = await libraryDefaultLabel(
    scope,
    request.libraryId,
    (name) => `Custodian can't label the items of ${name}.`,
    signal
  );
  const [files, plan] = await Promise.all([readLibraryFiles(scope.graph, lib, signal), readFilePlan(scope.graph, { signal })]);
  const unlabelled = files.filter((f) => f.label === '');
  const definition = plan.labels.find((l) => sameLabelName(l.name, label));
  const now = scope.now();
  const labelledAt = new Date(now).toISOString();
  let action: ApplyDefaultPreview['dueAtOnce']['action'] = definition ? 'none' : 'unknown';
  const due = definition
    ? unlabelled.filter((file) => {
        // Without SharePoint's dates the file cannot be judged; it is not counted as due.
        if (!file.created) return false;
        const end = retentionEnd(definition, { created: file.created, modified: file.modified, labelled: labelledAt }, plan.labels);
        if (!end.ok || end.kind !== 'date' || Date.parse(end.endsAt) > now) return false;
        action = end.action === 'delete' || end.action === 'startDispositionReview' ? end.action : 'none';
        return true;
      })
    : [];
  return {
    libraryName: lib.name,
    label,
    toLabel: unlabelled.length,
    alreadyLabelled: files.filter((f) => sameLabelName(f.label, label)).length,
    keepOwnLabel: files.filter((f) => f.label !== '' && !sameLabelName(f.label, label)).length,
    dueAtOnce: { count: due.length, action, names: due.slice(0, 5).map((f) => f.name) }
  };
}
