import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { encodePathSegment } from '../../http/encodePathSegment';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from '../listItems/ListRef';

/**
 * Indexes an existing column, so a `$filter` on it works without `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`
 * and past the 5,000-item list view threshold: `PATCH /sites/{s}/lists/{l}/columns/{column-id}` with
 * `{ "indexed": true }` (columndefinition-update). Setting it again is harmless, so a repeat is safe.
 * Permission (least privileged): Sites.Manage.All (delegated and application).
 */
export function indexListColumnCall(ref: ListRef, columnId: string, columnName: string): GraphCall<ColumnDefinition> {
  return {
    method: 'PATCH',
    url: `${listPath(ref)}/columns/${encodePathSegment(columnId)}`,
    body: { indexed: true },
    idempotent: true,
    action: `index the column '${columnName}'`
  };
}

export function indexListColumn(
  gateway: GraphGateway,
  ref: ListRef,
  column: { id: string; name: string },
  options?: CallOptions
): Promise<ColumnDefinition> {
  return gateway.call(indexListColumnCall(ref, column.id, column.name), options);
}
