import type { DriveItem, UploadSession } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { named } from './DriveItemRef';
import { childPath, type ConflictBehavior } from './uploadSmallFile';

/** Each range must be a multiple of 320 KiB ("Upload large files with an upload session"); 10 x 320 KiB here. */
export const uploadChunkBytes = 10 * 320 * 1024;

/**
 * Creates an upload session: `POST /drives/{d}/root:/{folder}/{name}:/createUploadSession`.
 * Permission (least privileged): Files.ReadWrite.All for a site library.
 */
export function createUploadSessionCall(
  driveId: string,
  folderPath: string,
  fileName: string,
  conflictBehavior: ConflictBehavior = 'fail'
): GraphCall<UploadSession> {
  return {
    method: 'POST',
    url: `${childPath(driveId, folderPath, fileName)}/createUploadSession`,
    body: { item: { '@microsoft.graph.conflictBehavior': conflictBehavior } },
    action: `start uploading ${named(fileName)}`
  };
}

export interface UploadProgress {
  uploadedBytes: number;
  totalBytes: number;
}

/**
 * Uploads a file of any size through an upload session, in 3.2 MB ranges, each `PUT {uploadUrl}` with
 * `Content-Range`. The upload URL is pre-authenticated: no Authorization header goes to it. A range is safe to
 * send again, so dropped connections are retried; on failure the session is cancelled (`DELETE {uploadUrl}`).
 */
export async function uploadLargeFile(
  gateway: GraphGateway,
  driveId: string,
  folderPath: string,
  fileName: string,
  content: Blob,
  options: CallOptions & { conflictBehavior?: ConflictBehavior; onProgress?: (p: UploadProgress) => void; chunkBytes?: number } = {}
): Promise<DriveItem> {
  const session = await gateway.call(createUploadSessionCall(driveId, folderPath, fileName, options.conflictBehavior), options);
  const uploadUrl = session.uploadUrl;
  if (!uploadUrl) throw new RangeError('The upload session has no uploadUrl.');
  const chunk = options.chunkBytes ?? uploadChunkBytes;
  const total = content.size;
  try {
    for (let start = 0; ;) {
      const end = Math.min(total, start + chunk);
      const answer = await gateway.call<DriveItem & UploadSession>(
        {
          method: 'PUT',
          url: uploadUrl,
          anonymous: true,
          idempotent: true,
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${end - 1}/${total}` },
          body: content.slice(start, end),
          action: `upload ${named(fileName)}`
        },
        options
      );
      options.onProgress?.({ uploadedBytes: end, totalBytes: total });
      if (answer && 'id' in answer && answer.id) return answer;
      const next = answer?.nextExpectedRanges?.[0];
      start = next ? Number(next.split('-')[0]) : end;
      if (!(start < total)) throw new RangeError('The upload session ended without returning the item.');
    }
  } catch (e) {
    await gateway
      .send({ method: 'DELETE', url: uploadUrl, anonymous: true, action: `cancel the upload of ${named(fileName)}` })
      .catch(() => undefined);
    throw e;
  }
}
