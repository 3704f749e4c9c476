/** The site of an eDiscovery hold's site source (`siteSource.site`), as Graph returns it. */
export interface HoldSourceSite {
  id?: string | null;
  webUrl?: string | null;
}

/** The site an item is in: its Graph site id (`hostname,siteCollectionId,webId`) and, when known, the site's URL. */
export interface ItemSite {
  id: string;
  /** The site's own URL (not the item's): `https://contoso.sharepoint.com/sites/USSales`. */
  webUrl?: string;
}

const guid = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

const bareGuid = (value: string): string | undefined => guid.exec(value.trim())?.[1].toLowerCase();

/** The parts of a composite Graph site id; a bare GUID gives no parts. */
function compositeParts(id: string): { host: string; siteCollectionId: string; webId: string } | undefined {
  const parts = id.trim().split(',');
  if (parts.length !== 3) return undefined;
  const siteCollectionId = bareGuid(parts[1]);
  const webId = bareGuid(parts[2]);
  if (!siteCollectionId || !webId) return undefined;
  return { host: parts[0].toLowerCase(), siteCollectionId, webId };
}

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * A site URL reduced to what identifies the site: host and path, lower case (SharePoint URLs are case-insensitive),
 * percent-decoded per segment (`US%20Sales` and `US Sales` are one site), without query, fragment or trailing slash.
 * Undefined when it is not an absolute http(s) URL.
 */
export function normaliseSiteUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const path = parsed.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decode(s).toLowerCase())
    .join('/');
  return `${parsed.host.toLowerCase()}/${path}`;
}

/**
 * Whether an item's site is the site of an eDiscovery hold's site source, by every form Graph gives a site in:
 * - Microsoft's example for listing a hold's site sources (security-ediscoveryholdpolicy-list-sitesources,
 *   https://learn.microsoft.com/graph/api/security-ediscoveryholdpolicy-list-sitesources) gives `site.id` as a
 *   bare GUID with a `webUrl`. The page does not say whether that GUID is the site collection's or the web's, so it
 *   matches either part of the item's composite id: a wrong match only keeps an item for a person to look at,
 *   a missed one lets held content be destroyed.
 * - Sites elsewhere in Graph have the composite id `hostname,siteCollectionId,webId` (site resource): the same web.
 * - `webUrl`: the same site URL, ignoring case, a trailing slash and percent-encoding. A subsite's URL is not its
 *   parent's, and `/sites/USSales` is not `/sites/USSalesEurope`: URLs are compared whole, never by prefix.
 */
export function siteMatchesHoldSource(item: ItemSite, source: HoldSourceSite): boolean {
  const itemParts = compositeParts(item.id);
  const itemBare = bareGuid(item.id);
  const sourceId = source.id?.trim() ?? '';
  if (sourceId) {
    const sourceBare = bareGuid(sourceId);
    const sourceParts = compositeParts(sourceId);
    if (sourceBare) {
      if (itemParts && (itemParts.siteCollectionId === sourceBare || itemParts.webId === sourceBare)) return true;
      if (itemBare === sourceBare) return true;
    } else if (sourceParts) {
      if (itemParts && itemParts.webId === sourceParts.webId && itemParts.siteCollectionId === sourceParts.siteCollectionId) return true;
    } else if (sourceId.toLowerCase() === item.id.trim().toLowerCase()) return true;
  }
  if (source.webUrl && item.webUrl) {
    const a = normaliseSiteUrl(source.webUrl);
    if (a !== undefined && a === normaliseSiteUrl(item.webUrl)) return true;
  }
  return false;
}
