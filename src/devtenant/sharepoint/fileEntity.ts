import { type ItemMeta, parseFields } from '../store/items';
import { type ListRow, listServerRelativeUrl, type SiteRow } from '../store/sites';

/** `SP.File` as SharePoint returns it by default (CheckOutType 2 = none, Level 1 = published). */
export function fileEntity(s: SiteRow, list: ListRow, item: ItemMeta): Record<string, unknown> {
  const uid = item.uid.toUpperCase();
  return {
    CheckInComment: '',
    CheckOutType: 2,
    ContentTag: `{${uid}},${item.version},${item.version}`,
    CustomizedPageStatus: 0,
    ETag: `"{${uid}},${item.version}"`,
    Exists: true,
    ExistsAllowThrowForPolicyFailures: true,
    ExistsWithException: true,
    IrmEnabled: false,
    Length: String(item.size),
    Level: 1,
    LinkingUri: null,
    LinkingUrl: '',
    MajorVersion: item.version,
    MinorVersion: 0,
    Name: item.name,
    ServerRelativeUrl: listServerRelativeUrl(s, list) + item.path,
    TimeCreated: item.created,
    TimeLastModified: item.modified,
    Title: (parseFields(item).Title as string | undefined) ?? null,
    UIVersion: item.version * 512,
    UIVersionLabel: `${item.version}.0`,
    UniqueId: item.uid
  };
}
