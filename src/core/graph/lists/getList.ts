import type { List } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from '../listItems/ListRef';

/**
 * A list with its column definitions and, for a document library, its drive:
 * `GET /sites/{s}/lists/{l}?$expand=columns,drive`. Permission (least privileged): Sites.Read.All.
 */
export function getListCall(ref: ListRef): GraphCall<List> {
  return { method: 'GET', url: `${listPath(ref)}?$expand=columns,drive`, action: 'read the list and its columns' };
}

export function getList(gateway: GraphGateway, ref: ListRef, options?: CallOptions): Promise<List> {
  return gateway.call(getListCall(ref), options);
}
