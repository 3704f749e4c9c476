/**
 * The managed properties Custodian asks Microsoft Search for (KQL restrictions and `fields`). Created, LastModifiedTime, Title, Filename,
 * ComplianceAssetId (Purview's event queries) and the default schema's ListId and ListItemID are Microsoft's names;
 * ComplianceTag and IsRecord are SharePoint's crawled compliance columns under the names the dev tenant serves,
 * which no Microsoft page confirms (docs/devtenant.md, "Search").
 */
export const managedProperties = {
  label: 'ComplianceTag',
  assetId: 'ComplianceAssetId',
  isRecord: 'IsRecord',
  created: 'Created',
  modified: 'LastModifiedTime',
  title: 'Title',
  fileName: 'Filename',
  listId: 'ListId',
  listItemId: 'ListItemID'
} as const;
