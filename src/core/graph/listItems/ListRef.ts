import { encodePathSegment } from '../../http/encodePathSegment';
/** A SharePoint list (or library) by Graph ids: `site.id` (`host,siteGuid,webGuid`) and `list.id`. */
export interface ListRef {
  siteId: string;
  listId: string;
}

export function listPath(ref: ListRef): string {
  return `/sites/${encodePathSegment(ref.siteId)}/lists/${encodePathSegment(ref.listId)}`;
}
