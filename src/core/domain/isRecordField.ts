/**
 * Reads SharePoint's `_IsRecord` list item field, which arrives as a boolean through Graph (`true`), as `'1'` or
 * `1` from list data and REST, and as `'True'` from CSOM and some list views (`'Yes'` in a formatted view); the
 * false forms are `false`, `'0'`, `0`, `'False'`, `'No'` or no field at all. Anything else is not a record.
 *
 * @example isRecordField('True') // true
 * isRecordField('0') // false
 */
export function isRecordField(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value !== 'string') return false;
  return truthy.has(value.trim().toLowerCase());
}

const truthy = new Set(['1', 'true', 'yes']);
