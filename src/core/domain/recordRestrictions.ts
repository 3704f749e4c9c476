import { z } from 'zod';
import { behaviorDuringRetentionPeriodSchema } from './behaviorDuringRetentionPeriod';

/**
 * What a person may try to do to a labelled item. `move` means moving to another container (site
 * library, OneDrive or mailbox); moving within one, copying and reading are never restricted.
 * `relabel` also covers applying a first label.
 */
export const recordActions = ['editContent', 'editProperties', 'delete', 'move', 'relabel', 'removeLabel', 'lock', 'unlock'] as const;
export type RecordAction = (typeof recordActions)[number];

export interface RecordState {
  behavior: 'doNotRetain' | 'retain' | 'retainAsRecord' | 'retainAsRegulatoryRecord' | null; // null = no label
  isLocked: boolean; // meaningful for record labels
  hasBeenUnlocked?: boolean; // a locked record that was ever unlocked can't be moved
  /** Its retention period has ended (it waits for disposition): changes only why a regulatory record cannot be deleted. */
  retentionEnded?: boolean;
}

/**
 * Tenant-wide records management settings (Purview > Records management > Records management settings).
 * `recordVersioningEnabled` is optional so that older callers keep compiling; absent means on, Purview's default.
 */
export interface RecordsTenantSettings {
  allowEditingRecordProperties: boolean;
  allowDeletingLabelledItems: boolean;
  recordVersioningEnabled?: boolean;
}

/**
 * Purview's defaults: editing a locked record's properties is allowed, deleting an item with a
 * standard retention label is allowed (the copy is kept in the Preservation Hold library), and
 * record versioning (lock/unlock) is on.
 */
export const defaultRecordsTenantSettings: RecordsTenantSettings = {
  allowEditingRecordProperties: true,
  allowDeletingLabelledItems: true,
  recordVersioningEnabled: true
};

export const restrictionCodes = [
  'noLabelToRemove',
  'notARecord',
  'lockedRecordContent',
  'recordPropertiesBlockedByTenant',
  'deletionBlockedByTenant',
  'recordCannotBeDeleted',
  'recordWasUnlocked',
  'unlockedRecordCannotMove',
  'containerAdminOnly',
  'unlockedRecordLabelFixed',
  'alreadyLocked',
  'alreadyUnlocked',
  'recordVersioningDisabled',
  'regulatoryRecord',
  'unknownState',
  'unknownAction'
] as const;
export type RestrictionCode = (typeof restrictionCodes)[number];

export type RestrictionDecision = { allowed: true } | { allowed: false; code: string; reason: string };

export const recordActionSchema = z.enum(recordActions);
export const recordStateSchema = z
  .object({
    behavior: behaviorDuringRetentionPeriodSchema.nullable(),
    isLocked: z.boolean(),
    hasBeenUnlocked: z.boolean().optional(),
    retentionEnded: z.boolean().optional()
  })
  .strict();
export const recordsTenantSettingsSchema = z
  .object({
    allowEditingRecordProperties: z.boolean(),
    allowDeletingLabelledItems: z.boolean(),
    recordVersioningEnabled: z.boolean().optional()
  })
  .strict();

const allowed: RestrictionDecision = { allowed: true };
const refuse = (code: RestrictionCode, reason: string): RestrictionDecision => ({ allowed: false, code, reason });

const regulatoryReasons: Record<RecordAction, string> = {
  editContent: "A regulatory record's content cannot be edited by anyone.",
  editProperties: "A regulatory record's properties, including its name, cannot be edited by anyone.",
  delete: 'A regulatory record cannot be deleted while its retention period lasts.',
  move: 'A regulatory record cannot be moved to another site, library or mailbox.',
  relabel: 'A regulatory record cannot be relabelled, not even by an administrator.',
  removeLabel: "A regulatory record's label cannot be removed by anyone, not even a global administrator.",
  lock: 'A regulatory record is always locked.',
  unlock: 'A regulatory record cannot be unlocked.'
};

/**
 * Whether an action is allowed on an item, following Microsoft's table "Compare restrictions for
 * what actions are allowed or blocked" (Records management, Microsoft Learn) and its footnotes on the
 * tenant settings. The UI asks before acting, to explain; the dev tenant asks to enforce. Exchange
 * records behave as locked records: pass `isLocked: true` for them.
 *
 * @example checkRecordAction('relabel', { behavior: 'retainAsRegulatoryRecord', isLocked: true })
 * // { allowed: false, code: 'regulatoryRecord', reason: 'A regulatory record cannot be relabelled, not even by an administrator.' }
 */
export function checkRecordAction(
  action: RecordAction,
  state: RecordState,
  settings: RecordsTenantSettings = defaultRecordsTenantSettings,
  actor: { isContainerAdmin: boolean } = { isContainerAdmin: false }
): RestrictionDecision {
  if (!(recordActions as readonly string[]).includes(action)) {
    return refuse('unknownAction', 'Custodian does not know this action, so it is not allowed.');
  }
  switch (state.behavior) {
    case null:
      if (action === 'removeLabel') return refuse('noLabelToRemove', 'This item has no retention label to remove.');
      if (action === 'lock' || action === 'unlock') {
        return refuse('notARecord', `Only an item marked as a record can be ${action}ed, and this item has no retention label.`);
      }
      return allowed;
    case 'doNotRetain':
    case 'retain':
      if (action === 'lock' || action === 'unlock') {
        return refuse('notARecord', `Only an item marked as a record can be ${action}ed; this item's label does not mark it as a record.`);
      }
      if (action === 'delete' && state.behavior === 'retain' && !settings.allowDeletingLabelledItems) {
        return refuse(
          'deletionBlockedByTenant',
          'Your organisation does not allow deleting items that have a retention label; the item is kept until its retention period ends.'
        );
      }
      return allowed;
    case 'retainAsRegulatoryRecord':
      return refuse(
        'regulatoryRecord',
        action === 'delete' && state.retentionEnded === true
          ? "Only Purview's own disposition review deletes a regulatory record, even after its retention period; Microsoft 365 refuses its deletion to everyone else, administrators included."
          : regulatoryReasons[action]
      );
    case 'retainAsRecord':
      return state.isLocked ? lockedRecord(action, state, settings, actor) : unlockedRecord(action);
    default:
      return refuse('unknownState', 'The item has a label Custodian does not recognise, so nothing is allowed until it is checked.');
  }
}

function lockedRecord(
  action: RecordAction,
  state: RecordState,
  settings: RecordsTenantSettings,
  actor: { isContainerAdmin: boolean }
): RestrictionDecision {
  switch (action) {
    case 'editContent':
      return refuse('lockedRecordContent', 'This item is a locked record, so its content cannot be edited. Unlock the record to edit it.');
    case 'editProperties':
      return settings.allowEditingRecordProperties
        ? allowed
        : refuse('recordPropertiesBlockedByTenant', "Your organisation does not allow editing a locked record's properties.");
    case 'delete':
      return refuse('recordCannotBeDeleted', 'A record cannot be deleted while its retention period lasts.');
    case 'move':
      return state.hasBeenUnlocked === true
        ? refuse(
            'recordWasUnlocked',
            'This record has been unlocked before, so it can no longer be moved to another site, library or mailbox.'
          )
        : allowed;
    case 'relabel':
    case 'removeLabel':
      return actor.isContainerAdmin
        ? allowed
        : refuse(
            'containerAdminOnly',
            `Only an administrator of the site, library or mailbox can ${action === 'relabel' ? 'change' : 'remove'} a record's label.`
          );
    case 'lock':
      return refuse('alreadyLocked', 'This record is already locked.');
    case 'unlock':
      return settings.recordVersioningEnabled === false
        ? refuse('recordVersioningDisabled', 'Record versioning is turned off in your organisation, so records cannot be unlocked.')
        : allowed;
  }
}

function unlockedRecord(action: RecordAction): RestrictionDecision {
  switch (action) {
    case 'editContent':
    case 'editProperties':
    case 'lock':
      return allowed;
    case 'delete':
      return refuse('recordCannotBeDeleted', 'A record cannot be deleted while its retention period lasts, even when it is unlocked.');
    case 'move':
      return refuse('unlockedRecordCannotMove', 'An unlocked record cannot be moved to another site, library or mailbox.');
    case 'relabel':
    case 'removeLabel':
      return refuse(
        'unlockedRecordLabelFixed',
        `The label of an unlocked record cannot be ${action === 'relabel' ? 'changed' : 'removed'}, not even by an administrator. Lock the record first.`
      );
    case 'unlock':
      return refuse('alreadyUnlocked', 'This record is already unlocked.');
  }
}

/**
 * Every action's decision at once, for a UI that explains what can be done before the person tries.
 * (`actor` is an optional addition to the agreed contract; without it the person is not a container admin.)
 *
 * @example describeRestrictions({ behavior: 'retainAsRecord', isLocked: true }).delete.allowed // false
 */
export function describeRestrictions(
  state: RecordState,
  settings: RecordsTenantSettings = defaultRecordsTenantSettings,
  actor: { isContainerAdmin: boolean } = { isContainerAdmin: false }
): Record<RecordAction, RestrictionDecision> {
  const decisions = {} as Record<RecordAction, RestrictionDecision>;
  for (const action of recordActions) decisions[action] = checkRecordAction(action, state, settings, actor);
  return decisions;
}
