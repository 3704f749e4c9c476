import { CustodianError } from '../../http/CustodianError';
import { errorFromFailure } from '../../http/errorFromFailure';
import { errorFromResponse } from '../../http/errorFromResponse';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * The file's pre-authenticated download URL: `GET /drives/{d}/items/{i}?$select=id,@microsoft.graph.downloadUrl`.
 * driveitem-get-content: a JavaScript app in a browser cannot follow `/content`'s 302 (the redirect is blocked with
 * an Authorization header), and is to download from this URL, which needs no token and lives a short while.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getDownloadUrlCall(
  ref: DriveItemRef,
  itemName?: string
): GraphCall<{ id?: string; '@microsoft.graph.downloadUrl'?: string }> {
  return { method: 'GET', url: `${driveItemPath(ref)}?$select=id,@microsoft.graph.downloadUrl`, action: `read ${named(itemName)}` };
}

/**
 * A small text file's content, through its download URL (`getDownloadUrlCall`), fetched without a token. For files
 * that fit in memory only.
 */
export async function getDriveItemText(
  gateway: GraphGateway,
  ref: DriveItemRef,
  options?: CallOptions & { itemName?: string }
): Promise<string> {
  const action = `read ${named(options?.itemName)}`;
  const item = await gateway.call(getDownloadUrlCall(ref, options?.itemName), options);
  const url = item['@microsoft.graph.downloadUrl'];
  if (!url)
    throw new CustodianError({
      status: 0,
      code: 'noDownloadUrl',
      serviceMessage: 'The item has no @microsoft.graph.downloadUrl.',
      source: 'graph',
      what: `Custodian couldn't ${action}.`,
      why: 'Microsoft 365 gave no download address for it: it may be a folder, or not a file any more.',
      whatToDo: 'Check that the item is a file, then try again.'
    });
  let response: Response;
  try {
    // No Authorization header: the URL carries its own, and a token must not travel to another host.
    response = await fetch(url, { signal: options?.signal });
  } catch (e) {
    throw errorFromFailure(e, action);
  }
  if (!response.ok) throw await errorFromResponse(response, action, gateway.timing.now());
  return response.text();
}
