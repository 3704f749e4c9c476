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

/** The longest name Custodian gives a filed attachment; SharePoint also limits the whole decoded path (400). */
export const maxAttachmentFileNameLength = 200;

/**
 * The name an attachment is filed under beside its message: the message's `.eml` name, then the attachment's own
 * name made safe, kept within {@link maxAttachmentFileNameLength} characters with the attachment's extension kept,
 * so a long subject and a long attachment name still file.
 *
 * @example attachmentFileName('Q1 [a1b2c3d4].eml', 'budget.xlsx') // 'Q1 [a1b2c3d4] - budget.xlsx'
 */
export function attachmentFileName(emlName: string, attachmentName: string): string {
  const message = [...emlName.replace(/\.eml$/, '')];
  const safe = [...safeFileName(attachmentName)];
  const dot = safe.lastIndexOf('.');
  const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : [];
  const stem = extension.length ? safe.slice(0, dot) : safe;
  const prefix = message.length > 100 ? [...message.slice(0, 99), '…'] : message;
  const room = maxAttachmentFileNameLength - prefix.length - 3 - extension.length;
  const kept = stem.length > room ? [...stem.slice(0, Math.max(room - 1, 1)), '…'] : stem;
  return `${prefix.join('')} - ${kept.join('')}${extension.join('')}`;
}
