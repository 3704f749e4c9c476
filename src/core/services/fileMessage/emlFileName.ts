/** Characters SharePoint refuses in a file name (and `#`, `%`, which break links); control characters too. */
const refused = '"*:<>?/\\|#%';

/** Replaces every character SharePoint would refuse in a file name with `_`. */
export function safeFileName(text: string): string {
  return [...text].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || refused.includes(c) ? '_' : c)).join('');
}

/**
 * The `.eml` name a message is filed under: its subject made safe for SharePoint, then a short tag from its
 * internet message id, so two messages with one subject get two files and the same message always the same name.
 *
 * @example emlFileName('RE: Q1 <draft>?', 'a1b2c3d4...') // 'RE_ Q1 _draft__ [a1b2c3d4].eml'
 */
export function emlFileName(subject: string | null | undefined, messageIdHash: string): string {
  const clean = safeFileName((subject ?? '').replace(/\s+/g, ' '))
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const chars = [...(clean || 'No subject')];
  const base = chars.length > 150 ? `${chars.slice(0, 150).join('').trim()}…` : chars.join('');
  return `${base} [${messageIdHash.slice(0, 8)}].eml`;
}
