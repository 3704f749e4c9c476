import type { Drive } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from '../listItems/ListRef';

/**
 * The drive of a document library, for uploads into it: `GET /sites/{s}/lists/{l}/drive?$select=id`.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getListDriveCall(ref: ListRef): GraphCall<Drive> {
  return { method: 'GET', url: `${listPath(ref)}/drive?$select=id`, action: 'open the library' };
}

export function getListDrive(gateway: GraphGateway, ref: ListRef, options?: CallOptions): Promise<Drive> {
  return gateway.call(getListDriveCall(ref), options);
}
