import type Database from 'better-sqlite3';
import { errors } from '../errors';
import type { FilterExpr } from '../protocol/odataFilter';
import { stmt } from '../store/db';
import type { ColumnDef, ListRow } from '../store/sites';

/**
 * SharePoint's list view threshold: a query that cannot use an index is refused once the list holds more than
 * 5,000 items ("Manage large lists and libraries",
 * https://support.microsoft.com/office/manage-large-lists-and-libraries-b8588dae-9387-48c2-9248-c24122f07c59).
 */
export const listViewThreshold = 5000;

/** The `Prefer` value Graph asks for before it lets a list item query reference a column that is not indexed. */
export const honorNonIndexedPreference = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** True when a `Prefer` header (a comma-separated list of preferences) holds Graph's non-indexed query preference. */
export function honorsNonIndexedQueries(prefer: string | undefined): boolean {
  if (prefer === undefined) return false;
  return prefer.split(',').some((p) => p.trim().toLowerCase() === honorNonIndexedPreference.toLowerCase());
}

/**
 * The SharePoint field a Graph listItem query path names: `fields/X` is the column X; the listItem's own `id`,
 * `createdDateTime` and `lastModifiedDateTime` are SharePoint's ID, Created and Modified columns. Other paths name
 * no column and the rule does not apply to them.
 */
export function graphListItemField(path: readonly string[]): string | undefined {
  if (path.length >= 2 && path[0].toLowerCase() === 'fields') return path[1];
  if (path.length !== 1) return undefined;
  const own: Record<string, string> = { id: 'ID', createddatetime: 'Created', lastmodifieddatetime: 'Modified' };
  return own[path[0].toLowerCase()];
}

function pathsOf(expr: FilterExpr, out: string[][]): string[][] {
  switch (expr.op) {
    case 'and':
    case 'or':
      pathsOf(expr.left, out);
      pathsOf(expr.right, out);
      break;
    case 'not':
      pathsOf(expr.expr, out);
      break;
    default:
      out.push(expr.path);
  }
  return out;
}

/**
 * Whether SharePoint keeps an index on the field. The item id is the list's key, so always; any other column only
 * when its definition says `indexed` (set at creation or by a column PATCH). Created, Modified and the hidden
 * columns (`_ComplianceTag`, `FileLeafRef`, ...) have no definition here, so they count as not indexed: Microsoft's
 * pages do not say they are indexed by default.
 */
function isIndexed(field: string, columns: readonly ColumnDef[]): boolean {
  if (field.toLowerCase() === 'id') return true;
  return columns.some((c) => c.name.toLowerCase() === field.toLowerCase() && c.indexed === true);
}

function itemCount(db: Database.Database, listId: string): number {
  // Counted on the (list_id, num) index; folders count, as they do toward SharePoint's threshold.
  return (stmt(db, 'SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0').get(listId) as { n: number }).n;
}

/** The query parts that reference columns: a parsed `$filter` and the paths of `$orderby`. */
export interface ListItemQuery {
  filter?: FilterExpr;
  orderBy?: readonly { path: readonly string[] }[];
}

/**
 * Refuses a list item query the way Microsoft 365 does, before any item is read:
 * - a column that is not indexed, without `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`: 400
 *   `invalidRequest` with Graph's message (reported verbatim in microsoftgraph/microsoft-graph-docs issue #2279);
 * - with that preference, on a list of more than 5,000 items: SharePoint's SPQueryThrottledException ("The attempted
 *   operation is prohibited because it exceeds the list view threshold.", pnp/pnpjs issue #3149). SharePoint REST
 *   answers it as 500 with code `-2147024860, Microsoft.SharePoint.SPQueryThrottledException`; Microsoft documents
 *   no Graph answer, so Graph's envelope carries 500 `generalException` (see docs/devtenant.md).
 * `honorNonIndexed` is whether the preference was sent (SharePoint REST, which has no such rule, passes true);
 * `fieldOf` maps a query path to the field it names (Graph's listItem paths by default).
 */
export function enforceListViewThreshold(
  db: Database.Database,
  list: ListRow,
  columns: readonly ColumnDef[],
  query: ListItemQuery,
  honorNonIndexed: boolean,
  fieldOf: (path: readonly string[]) => string | undefined = graphListItemField
): void {
  const paths = [...(query.filter ? pathsOf(query.filter, []) : []), ...(query.orderBy ?? []).map((o) => o.path)];
  const notIndexed = paths.map(fieldOf).find((f): f is string => f !== undefined && !isIndexed(f, columns));
  if (notIndexed === undefined) return;
  if (!honorNonIndexed)
    throw errors.badRequest(
      `Field '${notIndexed}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${honorNonIndexedPreference}' header to allow this, but be warned that such queries may fail on large lists.`
    );
  if (itemCount(db, list.id) > listViewThreshold) throw errors.listViewThreshold();
}
