import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from '../listItems/ListRef';

/**
 * Adds a column to a list or library: `POST /sites/{s}/lists/{l}/columns` with a columnDefinition (list-post-columns),
 * answered 201 with the column. A name the list already has answers 409. Not retried after a dropped connection: a
 * repeat could find its own column and fail; read the list's columns again instead.
 * Permission (least privileged): Sites.Manage.All (delegated and application).
 */
export function createListColumnCall(ref: ListRef, column: ColumnDefinition): GraphCall<ColumnDefinition> {
  return {
    method: 'POST',
    url: `${listPath(ref)}/columns`,
    body: column,
    action: `add the column '${String(column.displayName ?? column.name)}'`
  };
}

export function createListColumn(
  gateway: GraphGateway,
  ref: ListRef,
  column: ColumnDefinition,
  options?: CallOptions
): Promise<ColumnDefinition> {
  return gateway.call(createListColumnCall(ref, column), options);
}
