import { quoteForMessage } from './quoteForMessage';
import { unwrapSingleValue } from './unwrapSingleValue';

/** A retention label payload in the one shape the schema reads, with a note for each change made to get there. */
export interface RetentionLabelVariantsRead {
  payload: unknown;
  notes: string[];
}

/**
 * Brings the variants Graph's own reference pages show for `microsoft.graph.security.retentionLabel` to the typed
 * shape of the resource page, saying what it changed:
 * - Get wraps the label in `{ "value": { ... } }` (security-retentionlabel-get);
 * - List writes `"days": "730"` and Create `"isInUse": "true"` (Int32 and Boolean on the resource page);
 * - Create spells a key `"reviewersEmailAddresses "`, with a trailing space.
 * A string that is not a whole number, or not `true`/`false`, is left for the schema to refuse.
 *
 * @example retentionLabelVariants({ value: { displayName: 'Tax', retentionDuration: { days: '730' } } })
 * // { payload: { displayName: 'Tax', retentionDuration: { days: 730 } }, notes: [two notes] }
 */
export function retentionLabelVariants(body: unknown): RetentionLabelVariantsRead {
  const notes: string[] = [];
  const { value, unwrapped } = unwrapSingleValue(body);
  if (unwrapped) notes.push('The label came wrapped in "value" (as in the Get example); read the object inside.');
  const payload = trimKeys(value, '', notes);
  if (!isObject(payload)) return { payload, notes };

  const duration = payload.retentionDuration;
  if (isObject(duration) && typeof duration.days === 'string' && /^\s*\d+\s*$/.test(duration.days)) {
    const days = Number(duration.days);
    notes.push(`retentionDuration.days was the string ${quoteForMessage(duration.days)}; read as ${days}.`);
    duration.days = days;
  }
  if (typeof payload.isInUse === 'string') {
    const flag = payload.isInUse.trim().toLowerCase();
    if (flag === 'true' || flag === 'false') {
      notes.push(`isInUse was the string ${quoteForMessage(payload.isInUse)}; read as ${flag}.`);
      payload.isInUse = flag === 'true';
    }
  }
  return { payload, notes };
}

/** A deep copy whose object keys have no surrounding spaces (unless that would collide with a key already there). */
function trimKeys(value: unknown, path: string, notes: string[]): unknown {
  if (Array.isArray(value)) return value.map((entry, index) => trimKeys(entry, `${path}[${index}]`, notes));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const trimmed = key.trim();
    const name = trimmed !== key && !(trimmed in value) ? trimmed : key;
    const at = path === '' ? name : `${path}.${name}`;
    if (name !== key)
      notes.push(`The key ${quoteForMessage(key)} of ${path || 'the label'} has spaces around it; read as ${quoteForMessage(name)}.`);
    out[name] = trimKeys(entry, at, notes);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
