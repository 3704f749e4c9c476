import { checkHolds, type HoldCheckDeps } from '../holds/checkHolds';
import type { HoldOnItem } from '../holds/holdRegister';
import { assetIdKey } from './assetIdKey';
import { assetIdsQuery } from './assetIdsQuery';
import type { RetentionEventPreview, RetentionEventPreviewItem } from './previewRetentionEvent';

/** An item the event would start but will not: it is held, or shares its asset id with a held item. */
export interface HeldEventItem extends RetentionEventPreviewItem {
  holds: HoldOnItem[];
  /** Held only because a held item carries the same asset id (the event's query matches asset ids, not items). */
  sharesAssetIdWithHeld: boolean;
}

/**
 * The preview without the items a hold covers: an event starts retention, and so brings deletion closer, for every
 * item its query matches; a held item must not be started. The query matches `ComplianceAssetId`, so a held item's
 * asset id is left out of the query, and every other item with that asset id waits with it. Asset ids matching no
 * indexed item stay in the query (Purview applies the event to the whole tenant). Asset ids are shared ignoring case,
 * as KQL matches them. An event that starts every item of its type cannot leave a held item out: its held items are
 * listed, and firing it is refused anyway (`fireRetentionEvent`).
 */
export async function holdBackHeldItems(
  deps: HoldCheckDeps,
  preview: RetentionEventPreview
): Promise<{ preview: RetentionEventPreview; held: HeldEventItem[] }> {
  const found = await checkHolds(
    deps,
    preview.items.map((p) => ({ key: p.key, name: p.item.name }))
  );
  if (!found.length) return { preview, held: [] };
  const holdsByKey = new Map(found.map((f) => [f.key, f.holds]));
  const heldAssetIds = new Map<string, HoldOnItem[]>();
  for (const p of preview.items) {
    const holds = holdsByKey.get(p.key);
    if (!holds || p.item.assetId === undefined || preview.startsEveryItemOfType) continue;
    const key = assetIdKey(p.item.assetId);
    heldAssetIds.set(key, [...(heldAssetIds.get(key) ?? []), ...holds]);
  }
  const held: HeldEventItem[] = [];
  const items: RetentionEventPreviewItem[] = [];
  for (const p of preview.items) {
    const own = holdsByKey.get(p.key);
    const shared = p.item.assetId !== undefined ? heldAssetIds.get(assetIdKey(p.item.assetId)) : undefined;
    if (own) held.push({ ...p, holds: own, sharesAssetIdWithHeld: false });
    else if (shared) held.push({ ...p, holds: shared, sharesAssetIdWithHeld: true });
    else items.push(p);
  }
  const assetIds = preview.request.assetIds.filter((a) => !heldAssetIds.has(assetIdKey(a)));
  return {
    preview: {
      ...preview,
      request: { ...preview.request, assetIds },
      items,
      count: items.length,
      filesQuery: assetIdsQuery(assetIds)
    },
    held
  };
}
