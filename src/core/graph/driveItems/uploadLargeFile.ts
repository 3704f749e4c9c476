import type { DriveItem, UploadSession } from '@microsoft/microsoft-graph-types';
import { CustodianError } from '../../http/CustodianError';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { named } from './DriveItemRef';
import { nextUploadRange, type UploadRange } from './nextUploadRange';
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

/** How often in a row an upload asks its session where it stands without the session getting any further. */
const maxResumesWithoutProgress = 3;

/** `PUT {uploadUrl}` with one range. Anonymous: a token sent to the upload URL can be refused with 401 (the page's remarks). */
function putRangeCall(uploadUrl: string, range: UploadRange, content: Blob, fileName: string): GraphCall<DriveItem & UploadSession> {
  return {
    method: 'PUT',
    url: uploadUrl,
    anonymous: true,
    idempotent: true,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${range.start}-${range.end - 1}/${content.size}` },
    body: content.slice(range.start, range.end),
    action: `upload ${named(fileName)}`
  };
}

/** `GET {uploadUrl}`: the session's `expirationDateTime` and `nextExpectedRanges` ("Resuming an in-progress upload"). */
function uploadStatusCall(uploadUrl: string, fileName: string): GraphCall<UploadSession> {
  return { method: 'GET', url: uploadUrl, anonymous: true, action: `upload ${named(fileName)}` };
}

/**
 * Worth asking the session where it stands: a fragment the session already had (416, after a retry of a fragment
 * whose answer was lost), a dropped connection or a 5xx once the pipeline's own retries are spent ("Resume or retry
 * uploads that fail due to connection interruptions or any 5xx errors"). A 404 means the session is gone.
 */
function canResume(e: unknown): boolean {
  if (!(e instanceof CustodianError)) return false;
  return e.status === 416 || e.status >= 500 || (e.status === 0 && e.source === 'network');
}

/**
 * Uploads a file of any size through an upload session, in 3.2 MB ranges, each `PUT {uploadUrl}` with
 * `Content-Range`. The upload URL is pre-authenticated: no Authorization header goes to it. The pipeline retries a
 * range after a dropped connection or a 5xx (a range is safe to send again); when that is not enough, or the session
 * answers 416 because it already had the range, the upload asks the session for `nextExpectedRanges` and goes on
 * from there, as driveitem-createuploadsession documents. Only when the session stops moving forward, or answers
 * anything else, is it cancelled (`DELETE {uploadUrl}`) and the error thrown.
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
  let range = nextUploadRange(session.nextExpectedRanges ?? ['0-'], total, chunk) ?? { start: 0, end: Math.min(total, chunk) };
  let furthest = range.start;
  let resumes = 0;
  try {
    for (;;) {
      let answer: (DriveItem & UploadSession) | undefined;
      try {
        answer = await gateway.call(putRangeCall(uploadUrl, range, content, fileName), options);
      } catch (e) {
        if (!canResume(e) || ++resumes > maxResumesWithoutProgress) throw e;
        const status = await gateway.call(uploadStatusCall(uploadUrl, fileName), options);
        const resumeAt = nextUploadRange(status?.nextExpectedRanges, total, chunk);
        if (!resumeAt) throw e;
        if (resumeAt.start > furthest) {
          furthest = resumeAt.start;
          resumes = 0;
          options.onProgress?.({ uploadedBytes: furthest, totalBytes: total });
        }
        range = resumeAt;
        continue;
      }
      if (answer && 'id' in answer && answer.id) {
        options.onProgress?.({ uploadedBytes: total, totalBytes: total });
        return answer;
      }
      const next =
        nextUploadRange(answer?.nextExpectedRanges, total, chunk) ??
        (range.end < total ? { start: range.end, end: Math.min(total, range.end + chunk) } : undefined);
      if (!next) throw new RangeError('The upload session ended without returning the item.');
      options.onProgress?.({ uploadedBytes: next.start, totalBytes: total });
      if (next.start > furthest) {
        furthest = next.start;
        resumes = 0;
      }
      range = next;
    }
  } catch (e) {
    await gateway
      .send({ method: 'DELETE', url: uploadUrl, anonymous: true, action: `cancel the upload of ${named(fileName)}` })
      .catch(() => undefined);
    throw e;
  }
}
