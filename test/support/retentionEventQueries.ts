/**
 * One table of retention event queries, each as Purview takes it, with the items it must start: run against the
 * core's preview (test/core/services/events/retentionEventQueryTable.test.ts) and against the dev tenant's effect
 * (test/devtenant/retentionEventQueryTable.test.ts), so the preview a records manager sees names what the event
 * then starts.
 *
 * The outside truth, by page:
 * - purview: "Start retention when an event occurs". Step 7: "retention will be enforced only on content with the
 *   specified property:value pair", `ComplianceAssetID:<value>`, or a custom property, `ProductID:XYZ`; "If an asset
 *   ID is not entered, all content with labels of that event type get the same retention date applied to them";
 *   step 6: "Only content with retention labels applied to it of that event type will have its retention period
 *   triggered". Its REST sample puts a bare `1234` in SharePointAssetIdQuery while its parameter table says to
 *   enter "ComplianceAssetId:" + the id: what a bare value does is not documented.
 * - kql: "Keyword Query Language (KQL) syntax reference". "KQL queries are case-insensitive but the operators are
 *   case-sensitive (uppercase)"; "The property restriction must not include white space between the property name,
 *   property operator, and the property value, or the property restriction is treated as a free-text query";
 *   "When you use multiple instances of the same property restriction, matches are based on the union"
 *   (`author:"John Smith" author:"Jane Smith"`), "When you use different property restrictions, matches are based
 *   on an intersection"; a phrase in double quotes (`author:"John Smith"`); `*` is prefix matching, also at the end
 *   of a phrase.
 * - msKql: [MS-KQL] 2.2.4 "Implicit Operator for Property Restrictions": `name1:value1 name1:value2` is
 *   `name1:value1 OR name1:value2`; `name1:value1 name2:value2` is `name1:value1 AND name2:value2`.
 * - powershell: New-ComplianceRetentionEvent, whose SharePointAssetIdQuery example is
 *   `"EmployeeNumber:123456 EmployeeNumber:456789"` (one property twice, no OR).
 * - graph: the `eventQuery` resource: `queryType` `files` for SharePoint and OneDrive, `query` the asset ids.
 *
 * Neither side models word-level matching: both compare a property's whole value (ignoring case). If SharePoint
 * indexes ComplianceAssetId as full text, `ComplianceAssetId:"EMP 12"` would also match a longer value holding that
 * phrase; Microsoft documents neither way for ComplianceAssetId.
 */

export const sources = {
  purview: 'https://learn.microsoft.com/purview/event-driven-retention',
  kql: 'https://learn.microsoft.com/sharepoint/dev/general-development/keyword-query-language-kql-syntax-reference',
  msKql: 'https://learn.microsoft.com/openspecs/sharepoint_protocols/ms-kql/5c7e1e38-b7f2-4b1a-a38c-947e22e1d642',
  powershell: 'https://learn.microsoft.com/powershell/module/exchangepowershell/new-complianceretentionevent',
  graph: 'https://learn.microsoft.com/graph/api/resources/security-eventquery'
} as const;

/** The two event types of the table, and a label that is based on the creation date (no event type). */
export const tableEventTypes = { contract: 'Supplier Contract End', personnel: 'Staff Departure' } as const;
export type TableEventType = keyof typeof tableEventTypes;
export const tableLabels = {
  contract: 'Supplier Contract - 6 Years After End',
  personnel: 'Staff File - 7 Years After Departure',
  createdBased: 'Supplier Letters - 2 Years After Creation'
} as const;

export interface TableItem {
  name: TableItemName;
  label: keyof typeof tableLabels;
  /** The `ComplianceAssetId` column. */
  assetId?: string;
  /** A custom `ProductID` column (a managed property of that name on a real tenant, once mapped). */
  productId?: string;
}

export type TableItemName = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';

/** Eight items, all labelled before any event is fired. */
export const tableItems: readonly TableItem[] = [
  { name: 'A', label: 'contract', assetId: '4815' },
  { name: 'B', label: 'contract', assetId: '4816', productId: 'ABC' },
  { name: 'C', label: 'contract', assetId: 'EMP 12' },
  // Lower case, to be named in upper case.
  { name: 'D', label: 'contract', assetId: 'c-100' },
  { name: 'E', label: 'contract', assetId: '4817', productId: 'XYZ' },
  // The same asset id as A, under the other event type's label: an event of the contract type never starts it.
  { name: 'F', label: 'personnel', assetId: '4815' },
  // 4815 is a prefix of it, not its value.
  { name: 'G', label: 'contract', assetId: '48150' },
  // Not event-based: no event starts it.
  { name: 'H', label: 'createdBased', assetId: '4815' }
];

export type QueryOutcome =
  /** Both the core's preview and the dev tenant start exactly these items. */
  | { starts: readonly TableItemName[] }
  /** Microsoft (and the dev tenant) start these; the core cannot tell from its index, so it refuses to preview. */
  | { starts: readonly TableItemName[]; coreRefuses: RegExp }
  /** Neither side can evaluate it: the core refuses before firing, the dev tenant answers 400. */
  | { refused: { core: RegExp; devTenant: RegExp } };

export interface RetentionEventQueryCase {
  title: string;
  /** The pages (keys of `sources`) that say what the query means. */
  source: readonly (keyof typeof sources)[];
  eventType: TableEventType;
  /** The `files` query; null when the event carries no files query at all. */
  query: string | null;
  outcome: QueryOutcome;
}

export const retentionEventQueries: readonly RetentionEventQueryCase[] = [
  {
    title: 'no files query: every item labelled for the type',
    source: ['purview', 'graph'],
    eventType: 'contract',
    query: null,
    outcome: { starts: ['A', 'B', 'C', 'D', 'E', 'G'] }
  },
  {
    title: 'a blank query: every item labelled for the type',
    source: ['purview'],
    eventType: 'contract',
    query: '  ',
    outcome: { starts: ['A', 'B', 'C', 'D', 'E', 'G'] }
  },
  {
    title: 'one asset id, spelled as Purview shows it; not the other type’s item, the time-based one or 48150',
    source: ['purview'],
    eventType: 'contract',
    query: 'ComplianceAssetID:4815',
    outcome: { starts: ['A'] }
  },
  {
    title: 'the same asset id under the other event type starts that type’s item only',
    source: ['purview'],
    eventType: 'personnel',
    query: 'ComplianceAssetId:4815',
    outcome: { starts: ['F'] }
  },
  {
    title: 'several asset ids joined by OR',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4815 OR ComplianceAssetId:4816',
    outcome: { starts: ['A', 'B'] }
  },
  {
    title: 'the same property twice without OR is a union',
    source: ['kql', 'msKql', 'powershell'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4815 ComplianceAssetId:4816',
    outcome: { starts: ['A', 'B'] }
  },
  {
    title: 'white space and OR mixed on one property: all a union',
    source: ['kql', 'msKql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:"EMP 12" ComplianceAssetId:4816 OR ComplianceAssetId:C-100',
    outcome: { starts: ['B', 'C', 'D'] }
  },
  {
    title: 'a quoted value with a space',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:"EMP 12"',
    outcome: { starts: ['C'] }
  },
  {
    title: 'values ignore case (c-100 named as C-100)',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:C-100',
    outcome: { starts: ['D'] }
  },
  {
    title: 'property names ignore case',
    source: ['kql'],
    eventType: 'contract',
    query: 'complianceassetid:4816',
    outcome: { starts: ['B'] }
  },
  {
    title: 'a custom property, ProductID:XYZ',
    source: ['purview'],
    eventType: 'contract',
    query: 'ProductID:XYZ',
    outcome: { starts: ['E'], coreRefuses: /ProductID, a search property Custodian's index does not hold/ }
  },
  {
    title: 'two different properties separated by white space: both must hold',
    source: ['kql', 'msKql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4817 ProductID:XYZ',
    outcome: { starts: ['E'], coreRefuses: /ProductID/ }
  },
  {
    title: 'two different properties that no item holds together start nothing',
    source: ['kql', 'msKql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4815 ProductID:XYZ',
    outcome: { starts: [], coreRefuses: /ProductID/ }
  },
  {
    title: 'an asset id or a custom property, joined by OR',
    source: ['kql', 'purview'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4815 OR ProductID:XYZ',
    outcome: { starts: ['A', 'E'], coreRefuses: /ProductID/ }
  },
  {
    title: 'a lower-case or is a word to find, not an operator',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4815 or ComplianceAssetId:4816',
    outcome: { refused: { core: /"or" is not an operator/, devTenant: /'or' is free text/ } }
  },
  {
    title: 'white space after the colon makes free text',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId: 4815',
    outcome: { refused: { core: /white space around its colon/, devTenant: /White space around a property operator/ } }
  },
  {
    title: 'a bare value is free text (Purview’s REST sample shows one; its meaning is not documented)',
    source: ['kql', 'purview'],
    eventType: 'contract',
    query: '4815',
    outcome: { refused: { core: /names no property/, devTenant: /free text/ } }
  },
  {
    title: 'a prefix wildcard',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:481*',
    outcome: { refused: { core: /prefix wildcard/, devTenant: /Wildcards/ } }
  },
  {
    title: 'AND',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4815 AND ComplianceAssetId:4816',
    outcome: { refused: { core: /operator AND/, devTenant: /operator 'AND'/ } }
  },
  {
    title: 'commas do not separate values in KQL',
    source: ['kql'],
    eventType: 'contract',
    query: 'ComplianceAssetId:4815,4816',
    outcome: { refused: { core: /comma/, devTenant: /comma/ } }
  }
];
