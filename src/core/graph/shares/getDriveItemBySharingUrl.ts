import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { encodeSharingUrl } from './encodeSharingUrl';

/**
 * Resolves a document URL (Word's `Office.context.document.url`, a sharing link) to its driveItem, with the
 * list item fields: `GET /shares/u!{base64url}/driveItem?$expand=listItem($expand=fields)`.
 * Permission (least privileged, delegated): Files.ReadWrite; application: Files.ReadWrite.All.
 */
export function getDriveItemBySharingUrlCall(url: string): GraphCall<DriveItem> {
  return {
    method: 'GET',
    url: `/shares/${encodeSharingUrl(url)}/driveItem?$expand=${encodeQueryValue('listItem($expand=fields)')}`,
    action: 'find this document in SharePoint or OneDrive'
  };
}

export function getDriveItemBySharingUrl(gateway: GraphGateway, url: string, options?: CallOptions): Promise<DriveItem> {
  return gateway.call(getDriveItemBySharingUrlCall(url), options);
}
