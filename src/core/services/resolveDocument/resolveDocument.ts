import type { DriveItem, IdentitySet, ItemRetentionLabel, SensitivityLabelAssignment } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { describeRestrictions, type RecordsTenantSettings } from '../../domain/recordRestrictions';
import { extractSensitivityLabelsCall } from '../../graph/driveItems/extractSensitivityLabels';
import { getRetentionLabelCall } from '../../graph/driveItems/getRetentionLabel';
import type { CallOptions, GraphCall } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { runBatch } from '../../graph/runBatch';
import { getDriveItemBySharingUrl } from '../../graph/shares/getDriveItemBySharingUrl';
import { CustodianError } from '../../http/CustodianError';
import { classifyDocumentUrl, isOneDriveUrl } from './classifyDocumentUrl';
import { recordStateFromLabel } from './recordStateFromLabel';
import type { AppliedSensitivityLabel, ResolveDocumentResult } from './ResolvedDocument';

export interface ResolveDocumentOptions extends CallOptions {
  /** Host names besides `*.sharepoint.com` that serve documents (vanity domains); the gateway's own is added. */
  extraHosts?: readonly string[];
  /** The tenant's records settings, for the restrictions shown. */
  settings?: RecordsTenantSettings;
  /** Whether the person administers the site (may relabel a locked record). */
  actor?: { isContainerAdmin: boolean };
  /**
   * The file plan, asked for only when Graph answers the item's label without `retentionSettings` (optional on
   * the itemRetentionLabel page): the label's definition then gives its behaviour. Without it, such a label's
   * record state is unknown, so nothing is allowed until it is checked.
   */
  filePlan?: () => Promise<readonly FilePlanLabel[]>;
}

const notSavedText = {
  what: 'This document is not in SharePoint or OneDrive yet.',
  whatToDo: 'Save it to a SharePoint library or to OneDrive for work or school, then open Custodian again.'
};

const notSharedText = {
  what: "You can't open this OneDrive document with your account.",
  why: "It is in someone else's OneDrive, and Microsoft 365 says it isn't shared with you.",
  whatToDo: 'Ask its owner to share it with you, or to move it to a SharePoint library, then open Custodian again.'
};

/**
 * A document URL (Word's `Office.context.document.url`, a link) -> its driveItem through
 * `GET /shares/u!{base64url}/driveItem` (the browser-safe encoder), its list item fields, retention label and
 * sensitivity labels: two round trips (the item; then its label and sensitivity labels in one `$batch`).
 * SharePoint libraries and OneDrives (`/personal/...`, a `business` drive) resolve alike: nothing here depends on
 * the kind of drive. A URL that is not SharePoint or OneDrive, or a document Graph cannot find or show, is a result
 * that says so (someone else's OneDrive that isn't shared, in those words), not a throw; throttling and outages still
 * throw a `CustodianError`.
 * Permission (least privileged, delegated): Files.Read.All.
 */
export async function resolveDocument(
  graph: GraphGateway,
  url: string | undefined | null,
  options: ResolveDocumentOptions = {}
): Promise<ResolveDocumentResult> {
  const checked = classifyDocumentUrl(url, [new URL(graph.baseOrigin).host, ...(options.extraHosts ?? [])]);
  if (!checked.ok) return { found: false, reason: checked.reason, why: checked.detail, ...notSavedText };
  let item: DriveItem;
  try {
    item = await getDriveItemBySharingUrl(graph, checked.url, options);
  } catch (e) {
    if (e instanceof CustodianError && (e.status === 404 || e.status === 400))
      return {
        found: false,
        reason: 'notFound',
        what: 'Custodian could not find this document in SharePoint or OneDrive.',
        why: 'It may have been moved, renamed or deleted, or it is stored somewhere Custodian cannot reach.',
        whatToDo: 'Save the document again (File > Save), then reopen Custodian.'
      };
    if (e instanceof CustodianError && e.status === 403) {
      // A OneDrive is its owner's: a refusal there (not a missing permission of Custodian's) means it isn't shared.
      if (isOneDriveUrl(checked.url) && e.innerCode !== 'insufficientScope') return { found: false, reason: 'noAccess', ...notSharedText };
      return { found: false, reason: 'noAccess', what: e.what, why: e.why, whatToDo: e.whatToDo };
    }
    throw e;
  }
  const driveId = item.parentReference?.driveId;
  // Every request below names the file by its drive; without one they would go to `/drives//items/...`.
  if (!driveId || !item.id)
    return {
      found: false,
      reason: 'notFound',
      what: 'Custodian could not tell where this document is stored.',
      why: 'Microsoft 365 found the document but did not say which library or OneDrive holds it.',
      whatToDo: 'Save the document again (File > Save), then reopen Custodian.'
    };
  const ref = { driveId, itemId: item.id };
  const [labelOutcome, sensitivityOutcome] = await runBatch(
    graph,
    [getRetentionLabelCall(ref), extractSensitivityLabelsCall(ref, item.name ?? undefined)] as GraphCall<unknown>[],
    options
  );
  if (!labelOutcome.ok && labelOutcome.status !== 404) throw labelOutcome.error;
  const label = labelOutcome.ok ? (labelOutcome.value as ItemRetentionLabel) : null;
  const needsFilePlan = Boolean(label?.name) && !label?.retentionSettings?.behaviorDuringRetentionPeriod;
  const record = recordStateFromLabel(label, needsFilePlan && options.filePlan ? await options.filePlan() : []);
  const listItem = item.listItem;
  const siteId = listItem?.parentReference?.siteId;
  const listId = listItem?.parentReference?.id;
  return {
    found: true,
    document: {
      ref,
      name: item.name ?? '',
      webUrl: item.webUrl ?? checked.url,
      created: item.createdDateTime ?? '',
      modified: item.lastModifiedDateTime ?? '',
      ...(listItem?.id && siteId && listId
        ? {
            listItem: {
              list: { siteId, listId },
              id: listItem.id,
              eTag: listItem.eTag ?? '',
              fields: { ...((listItem.fields ?? {}) as Record<string, unknown>) }
            }
          }
        : {}),
      retentionLabel: label?.name
        ? {
            name: label.name,
            ...(label.labelAppliedDateTime ? { appliedAt: label.labelAppliedDateTime } : {}),
            ...(labelAppliedBy(label) ? { appliedBy: labelAppliedBy(label) } : {}),
            ...(label.isLabelAppliedExplicitly !== undefined && label.isLabelAppliedExplicitly !== null
              ? { isAppliedExplicitly: label.isLabelAppliedExplicitly }
              : {})
          }
        : null,
      record,
      restrictions: describeRestrictions(record, options.settings, options.actor),
      sensitivityLabels: sensitivityOutcome.ok
        ? appliedSensitivityLabels(sensitivityOutcome.value as SensitivityLabelAssignment[] | undefined)
        : [],
      ...(sensitivityOutcome.ok ? {} : { sensitivityLabelsError: sensitivityOutcome.error })
    }
  };
}

/** The person (or app) Graph says applied the label. */
function labelAppliedBy(label: { labelAppliedBy?: IdentitySet | null }): string | undefined {
  const who = label.labelAppliedBy?.user ?? label.labelAppliedBy?.application;
  const email = (who as { email?: string | null } | null | undefined)?.email;
  return who?.displayName || email || undefined;
}

/** Graph's assignments as the document's labels; an assignment without a label id names nothing and is left out. */
function appliedSensitivityLabels(assignments: readonly SensitivityLabelAssignment[] | undefined): AppliedSensitivityLabel[] {
  return (assignments ?? []).flatMap((a) =>
    a.sensitivityLabelId
      ? [{ sensitivityLabelId: a.sensitivityLabelId, ...(a.assignmentMethod ? { assignmentMethod: a.assignmentMethod } : {}) }]
      : []
  );
}
