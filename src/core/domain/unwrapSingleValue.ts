/**
 * Graph's reference pages show some single-object answers wrapped as `{ "value": { ... } }` (Get retentionLabel,
 * Get retentionEvent, extractSensitivityLabels), although OData serialises one entity as the object itself. Reads
 * both: the object inside `value` when that is all the body holds (besides `@odata.*` annotations), else the body.
 *
 * @example unwrapSingleValue({ value: { id: '1' } }) // { value: { id: '1' }, unwrapped: true }
 * unwrapSingleValue({ value: [{ id: '1' }] }) // a collection stays as it is: { value: { value: [...] }, unwrapped: false }
 */
export function unwrapSingleValue(body: unknown): { value: unknown; unwrapped: boolean } {
  if (!isPlainObject(body) || !isPlainObject(body.value)) return { value: body, unwrapped: false };
  const others = Object.keys(body).filter((key) => key !== 'value' && !key.startsWith('@odata.'));
  return others.length === 0 ? { value: body.value, unwrapped: true } : { value: body, unwrapped: false };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
