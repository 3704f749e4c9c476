import { encodePathSegment } from '../../http/encodePathSegment';
/** A drive item by its ids (`driveItem.parentReference.driveId` and `driveItem.id`). */
export interface DriveItemRef {
  driveId: string;
  itemId: string;
}

/** `/drives/{driveId}/items/{itemId}`, each id percent-encoded (drive ids hold `!`, ids may hold anything). */
export function driveItemPath(ref: DriveItemRef): string {
  return `/drives/${encodePathSegment(ref.driveId)}/items/${encodePathSegment(ref.itemId)}`;
}

/** Quotes a file name for error messages: "apply the label to 'Budget.xlsx'". */
export function named(name: string | undefined): string {
  return name ? `'${name.length > 80 ? `${name.slice(0, 77)}...` : name}'` : 'the item';
}
