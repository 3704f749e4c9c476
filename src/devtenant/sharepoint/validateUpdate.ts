import { errors } from '../errors';
import { type Ctx, jsonBody, type Reply } from '../http/context';
import { columnsOf } from '../store/sites';
import { validateFieldValues, writeFields } from '../graph/listItems';
import { findUser } from '../graph/users';
import { spCollection } from './format';
import { loadItem } from './restShared';

// `ValidateUpdateListItem()`: form values as SharePoint reads them, per-field results instead of one HTTP error.

const claimPrefix = /^i:0#\.f\|membership\|/i;
const termValue = /^([^|;]+)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12});?$/i;

/**
 * A person or managed metadata form value as SharePoint's form takes it, checked and turned into what the item keeps.
 * A person: `[{"Key":"i:0#.f|membership|upn"}]` (a JSON string; a bare UPN as Key is also resolved), one user of the
 * tenant; kept as `{ LookupValue, Email }`. A term: `Label|TermGuid` (an optional trailing `;`); the dev tenant has
 * no term store, so any well-formed pair is accepted; kept as `{ Label, TermGuid, WssId: -1 }`, Graph's shape.
 */
function formValueOf(ctx: Ctx, name: string, type: 'person' | 'term', required: boolean | undefined, raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === '' || raw === '[]') {
    if (required) throw new Error('You must specify a value for this required field.');
    return null;
  }
  if (typeof raw !== 'string') throw new Error(`The value of '${name}' must be a string.`);
  if (type === 'term') {
    const m = termValue.exec(raw.trim());
    if (!m) throw new Error(`'${raw}' is not a term of the term set of '${name}': use Label|TermGuid.`);
    return { Label: m[1].trim(), TermGuid: m[2].toLowerCase(), WssId: -1 };
  }
  let entries: unknown;
  try {
    entries = JSON.parse(raw);
  } catch {
    throw new Error(`The value of '${name}' must be a JSON array of people ([{"Key":"i:0#.f|membership|user@contoso.com"}]).`);
  }
  if (!Array.isArray(entries) || entries.length !== 1 || typeof (entries[0] as { Key?: unknown })?.Key !== 'string')
    throw new Error(`'${name}' takes exactly one person, as [{"Key":"i:0#.f|membership|user@contoso.com"}].`);
  const key = (entries[0] as { Key: string }).Key;
  const upn = key.replace(claimPrefix, '');
  const user = upn.includes('|') ? undefined : findUser(ctx.tenant.db, upn);
  if (!user) throw new Error(`The user does not exist or is not unique.`);
  return { LookupValue: user.displayName, Email: user.mail || user.userPrincipalName };
}

/** `ValidateUpdateListItem()`: per-field results, as SharePoint reports them, instead of one HTTP error. */
export function validateUpdate(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item: it } = loadItem(ctx, p);
  const body = jsonBody(ctx);
  if (!Array.isArray(body.formValues)) throw errors.badRequest("The parameter 'formValues' is required.");
  const results: Record<string, unknown>[] = [];
  const valid: Record<string, unknown> = {};
  for (const fv of body.formValues as Record<string, unknown>[]) {
    const fieldName = String(fv?.FieldName ?? '');
    const raw = fv?.FieldValue;
    const col = columnsOf(list).find((c) => c.name === fieldName);
    const value =
      col?.type === 'number' && typeof raw === 'string' && raw !== ''
        ? Number(raw)
        : col?.type === 'boolean' && typeof raw === 'string'
          ? raw === '1' || raw.toLowerCase() === 'true'
          : raw;
    try {
      if (col?.type === 'person' || col?.type === 'term') valid[fieldName] = formValueOf(ctx, col.name, col.type, col.required, raw);
      else Object.assign(valid, validateFieldValues(list, { [fieldName]: value === '' ? null : value }));
      results.push({
        ErrorCode: 0,
        ErrorMessage: null,
        FieldName: fieldName,
        FieldValue: raw ?? null,
        HasException: false,
        ItemId: it.num
      });
    } catch (e) {
      results.push({
        ErrorCode: -2146233088,
        ErrorMessage: e instanceof Error ? e.message : 'Invalid value.',
        FieldName: fieldName,
        FieldValue: raw ?? null,
        HasException: true,
        ItemId: it.num
      });
    }
  }
  if (Object.keys(valid).length && results.every((r) => !r.HasException)) writeFields(ctx, it, valid);
  return spCollection(ctx, 'SP.ListItemFormUpdateValue', { value: results });
}
