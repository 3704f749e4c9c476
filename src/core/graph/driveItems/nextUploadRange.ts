/** The bytes to send next: from `start` up to, but not including, `end`. */
export interface UploadRange {
  start: number;
  end: number;
}

/**
 * The next range to send from an upload session's `nextExpectedRanges` ("12345-55232", or "26-" for everything from
 * byte 26), at most `chunkBytes` long; undefined when the session misses nothing. The session lists what it has not
 * received, not how to slice it ("Don't assume that nextExpectedRanges will return ranges of proper size"), so the
 * first missing range is cut to the client's own fragment size. Unreadable entries are skipped.
 *
 * @example nextUploadRange(['12345-55232', '77829-99375'], 100_000, 32_768) // { start: 12345, end: 45113 }
 * @example nextUploadRange(['26-'], 128, 327_680) // { start: 26, end: 128 }
 */
export function nextUploadRange(
  ranges: readonly string[] | null | undefined,
  totalBytes: number,
  chunkBytes: number
): UploadRange | undefined {
  for (const range of ranges ?? []) {
    const m = /^\s*(\d+)\s*-\s*(\d*)\s*$/.exec(range);
    if (!m) continue;
    const start = Number(m[1]);
    if (!(start < totalBytes)) continue;
    const last = m[2] === '' ? totalBytes - 1 : Math.min(totalBytes - 1, Number(m[2]));
    if (last < start) continue;
    return { start, end: Math.min(last + 1, start + chunkBytes) };
  }
  return undefined;
}
