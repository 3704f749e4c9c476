import { kqlPropertyMatch } from '../../http/escapeKql';

/**
 * The event's `files` query: KQL matching the items whose `ComplianceAssetId` is one of `assetIds`.
 *
 * @example assetIdsQuery(['C-1', 'C-2']) // 'ComplianceAssetId:"C-1" OR ComplianceAssetId:"C-2"'
 */
export function assetIdsQuery(assetIds: readonly string[]): string {
  return assetIds.map((a) => kqlPropertyMatch('ComplianceAssetId', a)).join(' OR ');
}
