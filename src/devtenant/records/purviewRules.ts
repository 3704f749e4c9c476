/**
 * What SharePoint allows and blocks for an item, by the kind of retention label it carries: the dev tenant's own
 * reading of Microsoft Purview's table "Compare restrictions for what actions are allowed or blocked"
 * (https://learn.microsoft.com/purview/records-management#compare-restrictions-for-what-actions-are-allowed-or-blocked,
 * repeated in https://learn.microsoft.com/purview/declare-records) and of record versioning
 * (https://learn.microsoft.com/purview/record-versioning). Written apart from Custodian's core on purpose: the dev
 * tenant stands in for Microsoft 365, so a misreading in the core must not pass on both sides
 * (test/fixtures/purviewRecordRestrictions.ts holds the table both are checked against).
 */

/** Graph's `behaviorDuringRetentionPeriod`, or null for an item without a label. */
export type LabelBehavior = 'doNotRetain' | 'retain' | 'retainAsRecord' | 'retainAsRegulatoryRecord' | null;

/** `move` is a move to another container (site library, OneDrive, mailbox); within one it is never restricted. */
export type ItemAction = 'editContent' | 'editProperties' | 'delete' | 'move' | 'relabel' | 'removeLabel' | 'lock' | 'unlock';

export interface LabelledItem {
  behavior: LabelBehavior;
  locked: boolean;
  everUnlocked: boolean;
}

/** Purview > Records management settings; the names are those `/devtenant/settings` has always taken. */
export interface RecordsSettings {
  allowEditingRecordProperties: boolean;
  allowDeletingLabelledItems: boolean;
  recordVersioningEnabled?: boolean;
}

/** Purview's defaults: record properties editable, labelled items deletable, record versioning on. */
export const purviewDefaultSettings: RecordsSettings = {
  allowEditingRecordProperties: true,
  allowDeletingLabelledItems: true,
  recordVersioningEnabled: true
};

export type Verdict = { allowed: true } | { allowed: false; code: string; reason: string };

const yes: Verdict = { allowed: true };
const no = (code: string, reason: string): Verdict => ({ allowed: false, code, reason });

/** The table's columns, plus an item with no label (no restrictions at all). */
export type LabelColumn = 'noLabel' | 'retentionLabel' | 'recordLocked' | 'recordUnlocked' | 'regulatoryRecord';

export function columnOf(item: LabelledItem): LabelColumn {
  switch (item.behavior) {
    case null:
      return 'noLabel';
    case 'retainAsRegulatoryRecord':
      return 'regulatoryRecord';
    case 'retainAsRecord':
      return item.locked ? 'recordLocked' : 'recordUnlocked';
    default:
      return 'retentionLabel';
  }
}

/** Whether SharePoint lets `actor` do `action` to `item`, and if not, the refusal's code and reason. */
export function sharePointVerdict(
  action: ItemAction,
  item: LabelledItem,
  settings: RecordsSettings,
  actor: { isContainerAdmin: boolean }
): Verdict {
  const column = columnOf(item);
  if (action === 'lock' || action === 'unlock') return versioning(action, column, settings);
  switch (column) {
    case 'noLabel':
      return action === 'removeLabel' ? no('noLabelToRemove', 'The item has no retention label to remove.') : yes;
    case 'retentionLabel':
      // Footnote 2: deleting labelled items can be blocked by a tenant setting. A delete-only label keeps nothing.
      if (action === 'delete' && item.behavior === 'retain' && !settings.allowDeletingLabelledItems)
        return no('deletionBlockedByTenant', 'The organisation does not allow deleting items that have a retention label.');
      return yes;
    case 'regulatoryRecord':
      return no('regulatoryRecord', regulatoryReasons[action]);
    case 'recordLocked':
      return lockedRecord(action, item, settings, actor);
    case 'recordUnlocked':
      return unlockedRecord(action);
  }
}

/** "After it is applied to content, nobody, not even a global administrator, can remove the label." */
const regulatoryReasons: Record<ItemAction, string> = {
  editContent: "A regulatory record's content cannot be edited by anyone.",
  editProperties: "A regulatory record's properties, its name included, cannot be edited by anyone.",
  delete: 'A regulatory record cannot be deleted during its retention period.',
  move: 'A regulatory record cannot be moved to another site, library or mailbox.',
  relabel: 'A regulatory record cannot be relabelled, not even by an administrator.',
  removeLabel: "A regulatory record's label cannot be removed by anyone, not even a global administrator.",
  lock: 'A regulatory record is always locked.',
  unlock: 'A regulatory record cannot be unlocked.'
};

function lockedRecord(action: ItemAction, item: LabelledItem, settings: RecordsSettings, actor: { isContainerAdmin: boolean }): Verdict {
  switch (action) {
    case 'editContent':
      return no('lockedRecordContent', 'The item is a locked record, so its content cannot be edited. Unlock it first.');
    case 'editProperties':
      // Footnote 1: allowed by default, blocked by "Allow editing of record properties" turned off.
      return settings.allowEditingRecordProperties
        ? yes
        : no('recordPropertiesBlockedByTenant', "The organisation does not allow editing a locked record's properties.");
    case 'delete':
      return no('recordCannotBeDeleted', 'A record cannot be deleted during its retention period.');
    case 'move':
      return item.everUnlocked
        ? no('recordWasUnlocked', 'A record that was ever unlocked cannot be moved to another site, library or mailbox.')
        : yes;
    default:
      // Change or remove label: "Allowed - container admin only".
      return actor.isContainerAdmin
        ? yes
        : no('containerAdminOnly', "Only an administrator of the site or library can change or remove a record's label.");
  }
}

function unlockedRecord(action: ItemAction): Verdict {
  switch (action) {
    case 'editContent':
    case 'editProperties':
      return yes;
    case 'delete':
      return no('recordCannotBeDeleted', 'A record cannot be deleted during its retention period, even while unlocked.');
    case 'move':
      return no('unlockedRecordCannotMove', 'An unlocked record cannot be moved to another site, library or mailbox.');
    default:
      return no('unlockedRecordLabelFixed', "An unlocked record's label cannot be changed or removed. Lock the record first.");
  }
}

/** Record versioning: only records lock and unlock; regulatory records never unlock; the tenant can turn it off. */
function versioning(action: 'lock' | 'unlock', column: LabelColumn, settings: RecordsSettings): Verdict {
  if (column === 'noLabel' || column === 'retentionLabel') return no('notARecord', `Only a record can be ${action}ed.`);
  if (column === 'regulatoryRecord') return no('regulatoryRecord', 'A regulatory record is always locked.');
  if (action === 'lock') return column === 'recordLocked' ? no('alreadyLocked', 'The record is already locked.') : yes;
  if (column === 'recordUnlocked') return no('alreadyUnlocked', 'The record is already unlocked.');
  return settings.recordVersioningEnabled === false
    ? no('recordVersioningDisabled', 'Record versioning is turned off in this organisation, so records cannot be unlocked.')
    : yes;
}

/** Whether a label marks what it labels as a record (regulatory or not). */
export function isRecordBehavior(behavior: unknown): boolean {
  return behavior === 'retainAsRecord' || behavior === 'retainAsRegulatoryRecord';
}
