import type Database from 'better-sqlite3';
import {
  checkRecordAction,
  defaultRecordsTenantSettings,
  type RecordAction,
  type RecordsTenantSettings,
  type RecordState
} from '../core/domain/recordRestrictions';
import { errors } from './errors';
import type { Principal } from './auth/personas';
import type { ItemMeta } from './store/items';
import { getEntityByName } from './store/entities';
import { getMeta, setMeta } from './tenant';

/**
 * The bridge between the store and the core's record rules: the dev tenant never decides on its own what a
 * record allows; it asks `checkRecordAction` (src/core/domain/recordRestrictions.ts) and renders the refusal.
 */

export function readRecordsSettings(db: Database.Database): RecordsTenantSettings {
  const raw = getMeta(db, 'recordsSettings');
  return raw
    ? { ...defaultRecordsTenantSettings, ...(JSON.parse(raw) as Partial<RecordsTenantSettings>) }
    : { ...defaultRecordsTenantSettings };
}

export function writeRecordsSettings(db: Database.Database, settings: RecordsTenantSettings): void {
  setMeta(db, 'recordsSettings', JSON.stringify(settings));
}

export type Behavior = RecordState['behavior'];

export function labelBehavior(db: Database.Database, labelName: string | null): Behavior {
  if (!labelName) return null;
  const label = getEntityByName(db, 'retentionLabel', labelName);
  return (label?.behaviorDuringRetentionPeriod as Behavior | undefined) ?? null;
}

export function recordStateOf(db: Database.Database, item: ItemMeta): RecordState {
  return { behavior: labelBehavior(db, item.label), isLocked: item.locked === 1, hasBeenUnlocked: item.unlocked_once === 1 };
}

/** What each action is called in a refusal message. */
const actionText: Record<RecordAction, string> = {
  editContent: 'edit the content of',
  editProperties: 'edit the properties of',
  delete: 'delete',
  move: 'move',
  relabel: 'change the retention label of',
  removeLabel: 'remove the retention label from',
  lock: 'lock',
  unlock: 'unlock'
};

/** Throws the service's refusal when the core's rules do not allow `action` on `item`. */
export function enforceRecordAction(db: Database.Database, item: ItemMeta, action: RecordAction, principal: Principal | undefined): void {
  const decision = checkRecordAction(action, recordStateOf(db, item), readRecordsSettings(db), {
    isContainerAdmin: principal?.isContainerAdmin ?? false
  });
  if (decision.allowed) return;
  const message = `Cannot ${actionText[action]} '${item.name}': ${decision.reason}`;
  if (action === 'editContent') throw errors.locked(message, decision.code);
  throw errors.forbidden(message, decision.code);
}

/** The read-only `retentionSettings` Graph reports for an item, derived from the same rules. */
export function retentionSettingsOf(db: Database.Database, item: ItemMeta, principal: Principal | undefined): Record<string, unknown> {
  const state = recordStateOf(db, item);
  const settings = readRecordsSettings(db);
  const actor = { isContainerAdmin: principal?.isContainerAdmin ?? false };
  const allowed = (a: RecordAction): boolean => checkRecordAction(a, state, settings, actor).allowed;
  return {
    behaviorDuringRetentionPeriod: state.behavior,
    isContentUpdateAllowed: allowed('editContent'),
    isDeleteAllowed: allowed('delete'),
    isLabelUpdateAllowed: allowed('relabel'),
    isMetadataUpdateAllowed: allowed('editProperties'),
    isRecordLocked: item.locked === 1
  };
}
