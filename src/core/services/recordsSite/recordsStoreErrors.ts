import { CustodianError } from '../../http/CustodianError';

/**
 * The records store's own failures, each as a `CustodianError` the UI shows as it is. Failures the service
 * reports (403, 429, ...) pass through unchanged from the gateway; only these are the store's words.
 */

/** A write with `If-Match` answered 412: someone changed (or deleted) the entry since it was read. */
export function entryChangedError(original: CustodianError, action: string): CustodianError {
  return new CustodianError({
    status: original.status,
    code: 'entryChanged',
    innerCode: original.code,
    serviceMessage: original.serviceMessage,
    requestId: original.requestId,
    clientRequestId: original.clientRequestId,
    source: original.source,
    what: `Custodian couldn't ${action}.`,
    why: 'Someone else changed it after you read it, so saving would have overwritten their change.',
    whatToDo: 'Reload it to see their change, then try again.',
    cause: original
  });
}

/** A row read from the list does not match the schema (edited by hand, or written by another version). */
export function invalidEntryError(listTitle: string, itemId: string, reason: string): CustodianError {
  return new CustodianError({
    status: 0,
    code: 'invalidEntry',
    serviceMessage: reason,
    source: 'client',
    what: `Custodian couldn't read entry ${itemId} of its list '${listTitle}' on the records site.`,
    why: `The entry is not in the form Custodian writes: ${reason}`,
    whatToDo: `Ask your records manager to check entry ${itemId} of '${listTitle}'; it may have been edited by hand.`
  });
}

/** A value Custodian would not send (too long for its column, not a column): refused before any request. */
export function entryRefusedError(action: string, reason: string): CustodianError {
  return new CustodianError({
    status: 0,
    code: 'entryRefused',
    serviceMessage: reason,
    source: 'client',
    what: `Custodian couldn't ${action}.`,
    why: reason,
    whatToDo: 'Shorten or correct the value, then try again.'
  });
}

/** The list exists on the records site but lacks columns Custodian writes (made by hand, or by an older version). */
export function missingColumnsError(listTitle: string, missing: readonly string[]): CustodianError {
  return new CustodianError({
    status: 0,
    code: 'missingColumns',
    serviceMessage: `Missing columns: ${missing.join(', ')}`,
    source: 'client',
    what: `Custodian couldn't use its list '${listTitle}' on the records site.`,
    why: `The list has no column${missing.length === 1 ? '' : 's'} ${missing.map((m) => `'${m}'`).join(', ')}.`,
    whatToDo: `Ask the records site's owner to add the missing columns, or to rename the list so Custodian creates a new one.`
  });
}
