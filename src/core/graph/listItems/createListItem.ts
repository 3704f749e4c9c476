import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from './ListRef';

/**
 * Adds an item to a list (not a library: files go through the drive): `POST /sites/{s}/lists/{l}/items { fields }`
 * -> 201 with the item, its `eTag` and fields. Not repeated after a dropped connection (a repeat adds a second item).
 * Permission (least privileged): Sites.ReadWrite.All (delegated and application).
 */
export function createListItemCall(
  ref: ListRef,
  fields: Record<string, unknown>,
  action = 'add the item to the list'
): GraphCall<ListItem> {
  return { method: 'POST', url: `${listPath(ref)}/items`, body: { fields }, action };
}

export function createListItem(
  gateway: GraphGateway,
  ref: ListRef,
  fields: Record<string, unknown>,
  options?: CallOptions & { action?: string }
): Promise<ListItem> {
  return gateway.call(createListItemCall(ref, fields, options?.action), options);
}
