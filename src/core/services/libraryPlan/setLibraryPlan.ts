import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import type { ListRef } from '../../graph/listItems/ListRef';
import { getList } from '../../graph/lists/getList';
import type { SharePointSite } from '../../sharepoint/createSharePoint';
import { setListDefaultSensitivityLabel } from '../../sharepoint/listDefaultSensitivityLabel';
import { setListComplianceTag } from '../../sharepoint/policyStore/setListComplianceTag';
import { refuseHeldLabelling } from '../holds/refuseHeldLabelling';
import { readLibraryFiles } from './libraryFiles';
import type { LibraryRef } from './siteLibraries';
import { refusalError } from '../declareRecord/refusalError';
import type { RecordsSite } from '../recordsSite/RecordsSite';
import type { EntryVersion, StoredEntry } from '../recordsSite/RecordsListStore';
import { libraryKeyOf, libraryPlansList, type LibraryPlan } from './libraryPlansList';

export interface LibraryPlanRequest {
  /** A label from the file plan; null clears the library's default. */
  defaultRetentionLabel: string | null;
  /**
   * A sensitivity label id; null for none. Set as the library's default (`DefaultSensitivityLabelForLibrary`, so
   * SharePoint labels new and edited unlabelled files) and kept in the plan.
   */
  defaultSensitivityLabelId: string | null;
  requiredColumns: readonly string[];
  /** Also label the items already in the library that carry no label of their own (SharePoint does it later). */
  applyToExistingItems?: boolean;
  /** The plan as the person saw it: saving fails with `entryChanged` if someone else changed it since. */
  basedOn?: EntryVersion;
}

export interface LibraryPlanContext extends CallOptions {
  graph: GraphGateway;
  /** The library's own site, for SharePoint REST. */
  site: SharePointSite;
  recordsSite: RecordsSite;
  filePlan: readonly FilePlanLabel[];
  sensitivityLabels: readonly SensitivityLabel[];
  now: number;
}

/** The saved plan, and what was set on the library itself in SharePoint. */
export type LibraryPlanResult = StoredEntry<LibraryPlan> & {
  applied: {
    /** The library's default retention label now, or null when cleared. */
    defaultRetentionLabel: string | null;
    /** The library's default sensitivity label id now (`DefaultSensitivityLabelForLibrary`), or null when cleared. */
    defaultSensitivityLabelId: string | null;
  };
};

function flatten(labels: readonly SensitivityLabel[]): SensitivityLabel[] {
  return labels.flatMap((l) => [l, ...flatten(((l as { sublabels?: SensitivityLabel[] }).sublabels ?? []) as SensitivityLabel[])]);
}

/**
 * Maps a library to its default retention label (SetListComplianceTag, so SharePoint labels new items), default
 * sensitivity label (`DefaultSensitivityLabelForLibrary`, so SharePoint labels new and edited unlabelled files) and
 * required columns, and keeps the plan on the records site. Checks the labels against the file plan and the columns
 * against the library (one read) before changing anything. A null default clears the library's.
 * Permission: Sites.FullControl.All for a record label, else Sites.ReadWrite.All, and Sites.Manage.All for the
 * sensitivity default (SharePoint); Sites.ReadWrite.All on the records site.
 */
export async function setLibraryPlan(
  context: LibraryPlanContext,
  library: ListRef,
  request: LibraryPlanRequest
): Promise<LibraryPlanResult> {
  const options: CallOptions = { signal: context.signal };
  const label =
    request.defaultRetentionLabel === null
      ? undefined
      : context.filePlan.find((l) => l.name.toLowerCase() === request.defaultRetentionLabel?.toLowerCase());
  if (request.defaultRetentionLabel !== null && !label)
    throw refusalError({
      code: 'unknownLabel',
      what: `Custodian can't make '${request.defaultRetentionLabel}' the library's default label.`,
      why: 'There is no label of that name in the file plan.',
      whatToDo: 'Choose a label from the list.'
    });
  const sensitivity =
    request.defaultSensitivityLabelId === null
      ? undefined
      : flatten(context.sensitivityLabels).find((l) => l.id === request.defaultSensitivityLabelId);
  if (request.defaultSensitivityLabelId !== null && (!sensitivity || (sensitivity as { isAppliable?: boolean }).isAppliable === false))
    throw refusalError({
      code: 'unknownSensitivityLabel',
      what: "Custodian can't make that sensitivity label the library's default.",
      why: sensitivity ? 'It is a group of labels with sublabels, not a label.' : 'It is not one of the sensitivity labels available.',
      whatToDo: 'Choose a sensitivity label from the list.'
    });
  const list = await getList(context.graph, library, options);
  const columns = new Set((list.columns ?? []).map((c) => c.name));
  const missing = request.requiredColumns.filter((c) => !columns.has(c));
  if (missing.length)
    throw refusalError({
      code: 'unknownColumn',
      what: `Custodian can't require ${missing.map((m) => `'${m}'`).join(', ')} in '${list.displayName}'.`,
      why: `The library has no column${missing.length === 1 ? '' : 's'} of that name.`,
      whatToDo: 'Choose columns the library has, or ask the site owner to add the column first.'
    });

  if (request.applyToExistingItems && label) {
    // SharePoint would label the unlabelled items itself: a delete-only label on held items is refused first.
    const name = String(list.displayName ?? library.listId);
    const webUrl = String(list.webUrl);
    const ref: LibraryRef = { id: library.listId, name, webUrl, listUrl: decodeURI(webUrl), ref: library };
    const files = await readLibraryFiles(context.graph, ref, context.signal);
    await refuseHeldLabelling(
      {
        graph: context.graph,
        recordsSite: async () => context.recordsSite,
        siteId: library.siteId,
        siteUrl: context.site.siteUrl,
        library: { id: library.listId, name }
      },
      { name: label.name, known: label },
      files.filter((f) => f.label === '')
    );
  }
  await setListComplianceTag(
    context.site,
    decodeURI(String(list.webUrl)),
    { complianceTagValue: label?.name ?? '', syncToItems: request.applyToExistingItems ?? false },
    context.signal
  );
  const sensitivityId = sensitivity?.id ?? null;
  await setListDefaultSensitivityLabel(context.site, library.listId, sensitivityId, context.signal);
  const applied = { defaultRetentionLabel: label?.name ?? null, defaultSensitivityLabelId: sensitivityId };

  const plans = context.recordsSite.list(libraryPlansList);
  const value: LibraryPlan = {
    libraryKey: libraryKeyOf(library),
    siteId: library.siteId,
    listId: library.listId,
    driveId: String(list.drive?.id ?? ''),
    libraryName: String(list.displayName ?? ''),
    ...(label ? { defaultRetentionLabel: label.name } : {}),
    ...(sensitivity?.id ? { defaultSensitivityLabelId: sensitivity.id } : {}),
    requiredColumns: [...request.requiredColumns],
    updatedAt: new Date(context.now).toISOString()
  };
  const current = request.basedOn ?? (await plans.find(value.libraryKey, options));
  if (!current) return { ...(await plans.create(value, options)), applied };
  // Cleared defaults are written as null so the columns empty.
  const saved = await plans.update(
    current,
    {
      ...value,
      defaultRetentionLabel: value.defaultRetentionLabel ?? null,
      defaultSensitivityLabelId: value.defaultSensitivityLabelId ?? null
    },
    options
  );
  return { ...saved, applied };
}

/** The library's plan, or undefined when none was set. */
export function getLibraryPlan(
  recordsSite: RecordsSite,
  library: ListRef,
  options?: CallOptions
): Promise<StoredEntry<LibraryPlan> | undefined> {
  return recordsSite.list(libraryPlansList).find(libraryKeyOf(library), options);
}
