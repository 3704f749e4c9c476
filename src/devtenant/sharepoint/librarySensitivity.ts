import { errors } from '../errors';
import type { Ctx } from '../http/context';
import { type Doc, getEntity } from '../store/entities';
import type { ItemMeta } from '../store/items';
import type { ListRow } from '../store/sites';

/**
 * A library's default sensitivity label (the list property `DefaultSensitivityLabelForLibrary`).
 * Microsoft Learn, "Configure a default sensitivity label for a SharePoint document library": files uploaded to
 * the library, or existing files edited there, get the default label when they have no sensitivity label, or
 * when their label has a lower priority and was not applied manually. SharePoint labels uploads a few minutes
 * later; the dev tenant labels them at once.
 */

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function findLabel(ctx: Ctx, id: string): Doc | undefined {
  return getEntity(ctx.tenant.db, 'sensitivityLabel', id) ?? getEntity(ctx.tenant.db, 'sensitivityLabel', id.toLowerCase());
}

/** The label id to store for a requested `DefaultSensitivityLabelForLibrary`: null clears; an unknown id is refused. */
export function validateDefaultSensitivityLabel(ctx: Ctx, list: ListRow, value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw errors.badRequest("The property 'DefaultSensitivityLabelForLibrary' must be a string.");
  if (list.template !== 'documentLibrary') throw errors.badRequest('A default sensitivity label can only be set on a document library.');
  const id = value.trim().replace(/^\{(.*)\}$/, '$1');
  const label = guidPattern.test(id) ? findLabel(ctx, id) : undefined;
  if (!label) throw errors.badRequest(`The sensitivity label '${value}' does not exist or is not published to you.`);
  if (label.isAppliable === false)
    throw errors.badRequest(`The label '${String(label.name)}' has sublabels and cannot be a library's default; choose a sublabel.`);
  return label.id;
}

/**
 * The sensitivity label (and its assignment method) a file uploaded to or edited in the library ends with:
 * the library's default when the file has none, or has a lower-priority label that was applied automatically.
 */
export function sensitivityAfterUpload(
  ctx: Ctx,
  list: ListRow,
  current: Pick<ItemMeta, 'sens_label' | 'sens_method'> | undefined
): { sens_label: string | null; sens_method: string | null } {
  const kept = { sens_label: current?.sens_label ?? null, sens_method: current?.sens_method ?? null };
  const defaultId = list.default_sens_label;
  if (!defaultId || kept.sens_label === defaultId) return kept;
  const label = findLabel(ctx, defaultId);
  if (!label) return kept;
  if (kept.sens_label) {
    const existing = findLabel(ctx, kept.sens_label);
    const lower = existing !== undefined && Number(existing.sensitivity ?? 0) < Number(label.sensitivity ?? 0);
    if (!lower || kept.sens_method !== 'auto') return kept;
  }
  return { sens_label: label.id, sens_method: 'auto' };
}
