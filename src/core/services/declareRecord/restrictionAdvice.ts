/**
 * What a person can do about each record refusal (the domain gives the reason; this gives the next step).
 * Codes not listed get the general advice.
 */
const advice: Record<string, string> = {
  regulatoryRecord: 'Nothing in Microsoft 365 can change this; if the label is wrong, ask your records manager to record why.',
  containerAdminOnly: "Ask an administrator of this site to change the record's label.",
  unlockedRecordLabelFixed: 'Lock the record first, then change its label.',
  lockedRecordContent: 'Ask your records manager to unlock the record, then try again.',
  recordPropertiesBlockedByTenant: "Ask your records manager: your organisation's settings block this.",
  recordCannotBeDeleted: 'Wait until its retention period ends; Custodian lists it for disposition then.',
  deletionBlockedByTenant: 'Wait until its retention period ends; Custodian lists it for disposition then.',
  notARecord: 'Choose a retention label that declares the item a record, then lock it.',
  recordVersioningDisabled: 'Ask your Microsoft 365 administrator to turn on record versioning.',
  alreadyLocked: 'Nothing to do: the record is already locked.',
  alreadyUnlocked: 'Nothing to do: the record is already unlocked.'
};

export function restrictionAdvice(code: string): string {
  return advice[code] ?? 'Ask your records manager what can be done with this item.';
}
