import { errors } from '../errors';
import { type Ctx, json, jsonBody, noContent, type Reply, requirePrincipal } from '../http/context';
import type { Route } from '../http/router';
import { getItem, type ItemMeta, itemsOfList, updateItem } from '../store/items';
import { getEntityByName } from '../store/entities';
import { enforceRecordAction, labelBehavior, recordActionAllowed, retentionSettingsOf, takesDefaultLabel } from '../records';
import { identitySet, loadDriveItem } from './common';
import { hasAnyScope } from '../auth/personas';

/** Graph's itemRetentionLabel (https://learn.microsoft.com/graph/api/resources/itemretentionlabel). */
export function itemRetentionLabel(ctx: Ctx, item: ItemMeta): Record<string, unknown> {
  return {
    name: item.label,
    isLabelAppliedExplicitly: item.label ? item.label_explicit === 1 : null,
    labelAppliedBy: item.label ? identitySet(ctx.tenant.db, item.label_by) : null,
    labelAppliedDateTime: item.label_at,
    retentionSettings: retentionSettingsOf(ctx.tenant.db, item, ctx.principal)
  };
}

const isRecord = (b: string | null): boolean => b === 'retainAsRecord' || b === 'retainAsRegulatoryRecord';

/** "Sites.FullControl.All is the least privileged permission required to change retention labels that classify the content as records." */
function requireFullControlForRecords(ctx: Ctx, ...labels: (string | null)[]): void {
  if (labels.some((l) => isRecord(labelBehavior(ctx.tenant.db, l))) && !hasAnyScope(requirePrincipal(ctx), ['Sites.FullControl.All'])) {
    throw errors.missingScope(['Sites.FullControl.All']);
  }
}

/** Applies a label to one item (and, for a folder, to what it holds that has no label of its own). */
function applyLabel(ctx: Ctx, item: ItemMeta, labelName: string, explicit: boolean): void {
  const label = getEntityByName(ctx.tenant.db, 'retentionLabel', labelName);
  const behavior = label?.behaviorDuringRetentionPeriod as string | undefined;
  const startLocked = isRecord(behavior ?? null) && label?.defaultRecordBehavior !== 'startUnlocked';
  updateItem(ctx.tenant.db, item.id, {
    label: label?.displayName as string,
    label_at: ctx.tenant.clock.nowIso(),
    label_by: requirePrincipal(ctx).userId,
    label_explicit: explicit ? 1 : 0,
    locked: startLocked ? 1 : 0,
    unlocked_once: 0,
    event_at: null,
    version: item.version + 1,
    seq: ctx.tenant.nextSeq()
  });
}

/**
 * A folder's label reaches what it holds as a default label does (https://learn.microsoft.com/purview/create-apply-retention-labels#label-behavior-when-you-use-a-default-label-for-sharepoint):
 * items inherit from their nearest labelled folder, so a subfolder with its own label keeps its subtree; an item
 * with its own label, or with a record label from any source, keeps it ("these labels can only be manually changed or
 * removed"); and the record rules still decide, as for any relabelling.
 */
function inheritFolderLabel(ctx: Ctx, listId: string, folder: ItemMeta, name: string): void {
  const db = ctx.tenant.db;
  const below = itemsOfList(db, listId).filter((x) => x.path_lc.startsWith(folder.path_lc + '/'));
  const ownLabel = below.filter((x) => x.is_folder && x.label_explicit === 1).map((x) => x.path_lc + '/');
  for (const d of below) {
    if (ownLabel.some((p) => d.path_lc.startsWith(p))) continue;
    if (!takesDefaultLabel(db, d) || (d.label && !recordActionAllowed(db, d, 'relabel', ctx.principal))) continue;
    applyLabel(ctx, d, name, false);
  }
}

function getLabel(ctx: Ctx, p: Record<string, string>): Reply {
  const { item } = loadDriveItem(ctx, p.driveId, p.itemId);
  return json(itemRetentionLabel(ctx, item));
}

/**
 * `PATCH .../retentionLabel`: `{ name }` applies or replaces a label (201 the first time, 200 after);
 * `{ retentionSettings: { isRecordLocked } }` locks or unlocks a record. The core's record rules decide
 * what is refused (relabelling a regulatory record, unlocking a locked one when the tenant forbids it, ...).
 */
function patchLabel(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item } = loadDriveItem(ctx, p.driveId, p.itemId);
  const body = jsonBody(ctx);
  for (const key of Object.keys(body))
    if (key !== 'name' && key !== 'retentionSettings' && !key.startsWith('@odata'))
      throw errors.badRequest(`The property '${key}' of itemRetentionLabel is read-only.`);
  const hasName = body.name !== undefined;
  const settings = body.retentionSettings as Record<string, unknown> | undefined;
  if (!hasName && settings === undefined)
    throw errors.badRequest("Send 'name' to apply a label or 'retentionSettings.isRecordLocked' to lock or unlock a record.");
  let status = 200;
  if (hasName) {
    if (typeof body.name !== 'string' || body.name.trim() === '')
      throw errors.badRequest("The property 'name' must be a label's display name.");
    const label = getEntityByName(ctx.tenant.db, 'retentionLabel', body.name);
    if (!label) throw errors.badRequest(`The retention label '${body.name}' does not exist in this tenant.`, 'labelNotFound');
    const name = label.displayName as string;
    requireFullControlForRecords(ctx, item.label, name);
    if (!item.label) status = 201;
    else if (item.label.toLowerCase() !== name.toLowerCase()) enforceRecordAction(ctx.tenant.db, item, 'relabel', ctx.principal);
    if (item.label?.toLowerCase() !== name.toLowerCase() || item.label_explicit === 0) {
      applyLabel(ctx, item, name, true);
      if (item.is_folder) inheritFolderLabel(ctx, list.id, item, name);
    }
  }
  if (settings !== undefined) {
    if (settings === null || typeof settings !== 'object' || Object.keys(settings).some((k) => k !== 'isRecordLocked'))
      throw errors.badRequest('Only retentionSettings.isRecordLocked is writable.');
    const locked = settings.isRecordLocked;
    if (typeof locked !== 'boolean') throw errors.badRequest('retentionSettings.isRecordLocked must be true or false.');
    const current = getItem(ctx.tenant.db, item.id) as ItemMeta;
    if (!isRecord(labelBehavior(ctx.tenant.db, current.label)))
      throw errors.badRequest(
        'The item has no retention label that marks it as a record, so it cannot be locked or unlocked.',
        'notARecord'
      );
    if (locked !== (current.locked === 1)) {
      enforceRecordAction(ctx.tenant.db, current, locked ? 'lock' : 'unlock', ctx.principal);
      updateItem(ctx.tenant.db, item.id, {
        locked: locked ? 1 : 0,
        unlocked_once: locked ? current.unlocked_once : 1,
        version: current.version + 1,
        seq: ctx.tenant.nextSeq()
      });
    }
  }
  return json(itemRetentionLabel(ctx, getItem(ctx.tenant.db, item.id) as ItemMeta), status);
}

/** `DELETE .../retentionLabel` clears the label and all its settings; a record needs Sites.FullControl.All. */
function deleteLabel(ctx: Ctx, p: Record<string, string>): Reply {
  const { item } = loadDriveItem(ctx, p.driveId, p.itemId);
  if (!item.label) throw errors.notFound('No retention label is applied to this item.');
  requireFullControlForRecords(ctx, item.label);
  enforceRecordAction(ctx.tenant.db, item, 'removeLabel', ctx.principal);
  updateItem(ctx.tenant.db, item.id, {
    label: null,
    label_at: null,
    label_by: null,
    label_explicit: 0,
    locked: 0,
    unlocked_once: 0,
    event_at: null,
    version: item.version + 1,
    seq: ctx.tenant.nextSeq()
  });
  return noContent();
}

export const itemRetentionLabelRoutes: readonly Route[] = [
  {
    pattern: 'drives/{driveId}/items/{itemId}/retentionLabel',
    ops: {
      GET: { scopes: ['Files.Read.All', 'Sites.Read.All', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'], run: getLabel },
      PATCH: { scopes: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'], run: patchLabel },
      DELETE: { scopes: ['Files.ReadWrite.All', 'Sites.FullControl.All', 'Sites.ReadWrite.All'], run: deleteLabel }
    }
  }
];
