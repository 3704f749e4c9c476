/**
 * The form in which two asset ids are the same to an event query: KQL "queries are case-insensitive" (Keyword Query
 * Language (KQL) syntax reference), so `ComplianceAssetId:C-100` starts an item whose asset id is `c-100`.
 *
 * @example assetIdKey('C-100') === assetIdKey('c-100') // true
 */
export function assetIdKey(assetId: string): string {
  return assetId.toLowerCase();
}
