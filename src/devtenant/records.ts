import type Database from 'better-sqlite3';
import { errors } from './errors';
import type { Principal } from './auth/personas';
import { getItem, type ItemMeta } from './store/items';
import { getEntityByName } from './store/entities';
import { getMeta, setMeta } from './tenant';
import { isDeclaredInPlace } from './records/inPlaceRecords';
import {
  type ItemAction,
  type LabelBehavior,
  type LabelledItem,
  purviewDefaultSettings,
  type RecordsSettings,
  sharePointVerdict
} from './records/purviewRules';

/**
 * The bridge between the store and the dev tenant's own statement of SharePoint's record rules
 * (`records/purviewRules.ts`): every path that changes an item asks here, and a refusal is rendered as Graph's error.
 */

export function readRecordsSettings(db: Database.Database): RecordsSettings {
  const raw = getMeta(db, 'recordsSettings');
  return raw ? { ...purviewDefaultSettings, ...(JSON.parse(raw) as Partial<RecordsSettings>) } : { ...purviewDefaultSettings };
}

export function writeRecordsSettings(db: Database.Database, settings: RecordsSettings): void {
  setMeta(db, 'recordsSettings', JSON.stringify(settings));
}

export type Behavior = LabelBehavior;

export function labelBehavior(db: Database.Database, labelName: string | null): Behavior {
  if (!labelName) return null;
  const label = getEntityByName(db, 'retentionLabel', labelName);
  return (label?.behaviorDuringRetentionPeriod as Behavior | undefined) ?? null;
}

/**
 * The item as the record rules see it. An item declared a record in place (SharePoint CSOM, `records/inPlaceRecords.ts`)
 * is a locked record whatever its label says, until it is undeclared; a regulatory label stays regulatory.
 */
export function recordStateOf(db: Database.Database, item: ItemMeta): LabelledItem {
  const behavior = labelBehavior(db, item.label);
  if (behavior !== 'retainAsRegulatoryRecord' && isDeclaredInPlace(db, item.id))
    return { behavior: 'retainAsRecord', locked: true, everUnlocked: item.unlocked_once === 1 };
  return { behavior, locked: item.locked === 1, everUnlocked: item.unlocked_once === 1 };
}

/** Whether SharePoint counts the item a record (`_IsRecord`, CSOM `IsRecord`): a record label, or an in-place declaration. */
export function isRecordItem(db: Database.Database, item: ItemMeta): boolean {
  const b = recordStateOf(db, item).behavior;
  return b === 'retainAsRecord' || b === 'retainAsRegulatoryRecord';
}

const actor = (principal: Principal | undefined) => ({ isContainerAdmin: principal?.isContainerAdmin ?? false });

/** Whether the rules allow `action` on `item`, without refusing. */
export function recordActionAllowed(db: Database.Database, item: ItemMeta, action: ItemAction, principal: Principal | undefined): boolean {
  return sharePointVerdict(action, recordStateOf(db, item), readRecordsSettings(db), actor(principal)).allowed;
}

/** What each action is called in a refusal message. */
const actionText: Record<ItemAction, string> = {
  editContent: 'edit the content of',
  editProperties: 'edit the properties of',
  delete: 'delete',
  move: 'move',
  relabel: 'change the retention label of',
  removeLabel: 'remove the retention label from',
  lock: 'lock',
  unlock: 'unlock'
};

/** Throws the service's refusal when SharePoint's rules do not allow `action` on `item`. */
export function enforceRecordAction(db: Database.Database, item: ItemMeta, action: ItemAction, principal: Principal | undefined): void {
  const verdict = sharePointVerdict(action, recordStateOf(db, item), readRecordsSettings(db), actor(principal));
  if (verdict.allowed) return;
  const message = `Cannot ${actionText[action]} '${item.name}': ${verdict.reason}`;
  if (action === 'editContent') throw errors.locked(message, verdict.code);
  throw errors.forbidden(message, verdict.code);
}

/** The read-only `retentionSettings` Graph reports for an item, derived from the same rules. */
export function retentionSettingsOf(db: Database.Database, item: ItemMeta, principal: Principal | undefined): Record<string, unknown> {
  const state = recordStateOf(db, item);
  const settings = readRecordsSettings(db);
  const allowed = (a: ItemAction): boolean => sharePointVerdict(a, state, settings, actor(principal)).allowed;
  return {
    // The label's own behaviour: an in-place declaration restricts the item but is not a label.
    behaviorDuringRetentionPeriod: labelBehavior(db, item.label),
    isContentUpdateAllowed: allowed('editContent'),
    isDeleteAllowed: allowed('delete'),
    isLabelUpdateAllowed: allowed('relabel'),
    isMetadataUpdateAllowed: allowed('editProperties'),
    isRecordLocked: state.locked
  };
}

/**
 * Whether a default label (a library's, or a folder's for what it holds) may replace this item's label: only an
 * item with no label, or one whose label came from a default and does not mark it as a record. "Items that are
 * already labeled retain their retention label, unless it was applied by a different default label", and labels
 * that mark items as records (or regulatory records) "can only be manually changed or removed"
 * (https://learn.microsoft.com/purview/create-apply-retention-labels#label-behavior-when-you-use-a-default-label-for-sharepoint).
 */
export function takesDefaultLabel(db: Database.Database, item: ItemMeta): boolean {
  if (!item.label) return true;
  if (item.label_explicit === 1) return false;
  const b = labelBehavior(db, item.label);
  return b !== 'retainAsRecord' && b !== 'retainAsRegulatoryRecord';
}

/** Whether a label, applied now, leaves the item a locked record (a record label starts locked unless set to start unlocked). */
export function startsLocked(db: Database.Database, labelName: string | null): boolean {
  if (!labelName) return false;
  const label = getEntityByName(db, 'retentionLabel', labelName);
  const b = label?.behaviorDuringRetentionPeriod;
  if (b === 'retainAsRegulatoryRecord') return true;
  return b === 'retainAsRecord' && label?.defaultRecordBehavior !== 'startUnlocked';
}

/**
 * The label a new item in folder `parentId` inherits: its nearest labelled folder's ("items inherit the label from
 * their nearest folder"), else the library's default (`fallback`).
 */
export function inheritedLabel(db: Database.Database, parentId: string | null, fallback: string | null): string | null {
  for (let id = parentId, hops = 0; id && hops < 500; hops++) {
    const folder = getItem(db, id);
    if (!folder || !folder.is_folder) break;
    if (folder.label) return folder.label;
    id = folder.parent_id;
  }
  return fallback;
}
