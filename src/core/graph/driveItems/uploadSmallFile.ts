import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { encodePathSegment } from '../../http/encodePathSegment';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { named } from './DriveItemRef';

/** Graph's limit for a simple upload: "up to 250 MB" in the docs, but 4 MB is what every client uses safely. */
export const smallUploadLimitBytes = 4 * 1024 * 1024;

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

/**
 * `/drives/{d}/root:/{folder}/{name}:`, each segment percent-encoded (`#`, `%`, `?`, `&` cannot go raw, `'` is encoded too).
 * SharePoint refuses `" * : < > ? / \ |` in names and leading or trailing spaces; the service answers 400.
 *
 * @example childPath('b!x', 'Email Archive/2026', "O'Brien #2.eml") // "/drives/b!x/root:/Email%20Archive/2026/O%27Brien%20%232.eml:"
 */
export function childPath(driveId: string, folderPath: string, fileName: string): string {
  const segments = [...folderPath.split('/').filter((s) => s !== ''), fileName].map(encodePathSegment);
  return `/drives/${encodePathSegment(driveId)}/root:/${segments.join('/')}:`;
}

/**
 * Uploads a file of up to 4 MB in one request: `PUT /drives/{d}/root:/{folder}/{name}:/content` (folder '' = the
 * library's root).
 * Larger files go through `uploadLargeFile`. Permission (least privileged): Files.ReadWrite.All for a site library.
 */
export function uploadSmallFileCall(
  driveId: string,
  folderPath: string,
  fileName: string,
  content: Blob,
  conflictBehavior: ConflictBehavior = 'fail'
): GraphCall<DriveItem> {
  if (content.size > smallUploadLimitBytes)
    throw new RangeError(`A simple upload takes at most ${smallUploadLimitBytes} bytes; use an upload session.`);
  return {
    method: 'PUT',
    url: `${childPath(driveId, folderPath, fileName)}/content?@microsoft.graph.conflictBehavior=${conflictBehavior}`,
    headers: { 'Content-Type': content.type || 'application/octet-stream' },
    body: content,
    // Replacing with the same bytes is safe to repeat; creating with 'fail' or 'rename' is not.
    idempotent: conflictBehavior === 'replace',
    action: `upload ${named(fileName)}`
  };
}

export function uploadSmallFile(
  gateway: GraphGateway,
  driveId: string,
  folderPath: string,
  fileName: string,
  content: Blob,
  options?: CallOptions & { conflictBehavior?: ConflictBehavior }
): Promise<DriveItem> {
  return gateway.call(uploadSmallFileCall(driveId, folderPath, fileName, content, options?.conflictBehavior), options);
}
