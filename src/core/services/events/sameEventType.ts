/**
 * Whether a label's event type and an event's are the same type: by id when both know it (a type renamed or
 * recreated under an old name is another type), otherwise by display name, ignoring case as Purview's names do.
 *
 * @example sameEventType({ id: 'a', name: 'Contract Expiry' }, { id: 'b', name: 'contract expiry' }) // false
 */
export function sameEventType(a: { id?: string; name?: string }, b: { id?: string; name?: string }): boolean {
  if (a.id && b.id) return a.id === b.id;
  return Boolean(a.name && b.name && a.name.toLowerCase() === b.name.toLowerCase());
}
