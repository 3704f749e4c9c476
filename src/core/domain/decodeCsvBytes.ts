export type DecodeCsvBytesResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes an uploaded file as UTF-8, the only encoding Purview's import reads correctly. The byte
 * order mark, if any, is kept in the text so that `readCsv` can record it and a round trip keeps it.
 * Files Excel saved as "CSV (Comma delimited)" (Windows-1252) or "Unicode text" (UTF-16) are refused
 * with a reason, because reading them as UTF-8 would silently corrupt accented names.
 *
 * @example decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) // { ok: true, text: '\uFEFFA' }
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeCsvBytesResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      reason: 'The file is saved as UTF-16 ("Unicode text"). Save it from Excel as "CSV UTF-8 (Comma delimited)" instead.'
    };
  }
  try {
    // ignoreBOM keeps the mark in the text; fatal refuses bytes that are not UTF-8.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.indexOf('\u0000') !== -1) {
      return { ok: false, reason: 'The file contains NUL characters, so it is not a text CSV file.' };
    }
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      reason: 'The file is not valid UTF-8. Save it from Excel as "CSV UTF-8 (Comma delimited)", not "CSV (Comma delimited)".'
    };
  }
}
