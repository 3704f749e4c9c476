/** Host suffixes of SharePoint Online and OneDrive for work or school in Microsoft's clouds. */
export const sharePointHostSuffixes = [
  '.sharepoint.com',
  '.sharepoint.us',
  '.sharepoint-mil.us',
  '.sharepoint.de',
  '.sharepoint.cn'
] as const;

export type DocumentUrlClass = { ok: true; url: string } | { ok: false; reason: 'notSaved' | 'notSharePoint'; detail: string };

/**
 * Whether a document URL can be looked up in SharePoint or OneDrive, decided without a request (so an unsaved
 * document's local path, or another site's URL, never travels to Graph). `extraHosts` are the host names of the
 * dev tenant or of a tenant's vanity domains.
 *
 * @example classifyDocumentUrl('C:\\Users\\ana\\Plan.docx') // { ok: false, reason: 'notSaved', ... }
 */
export function classifyDocumentUrl(url: string | undefined | null, extraHosts: readonly string[] = []): DocumentUrlClass {
  const text = (url ?? '').trim();
  if (text === '') return { ok: false, reason: 'notSaved', detail: 'The document has not been saved yet.' };
  if (/^[a-z]:[\\/]/i.test(text) || text.startsWith('\\\\') || /^file:/i.test(text) || text.startsWith('/'))
    return { ok: false, reason: 'notSaved', detail: 'The document is saved on this computer or a network share.' };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, reason: 'notSaved', detail: 'The document has no web address.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { ok: false, reason: 'notSharePoint', detail: `The document's address (${parsed.protocol}) is not a web address.` };
  const host = parsed.hostname.toLowerCase();
  const known =
    sharePointHostSuffixes.some((s) => host.endsWith(s)) ||
    extraHosts.some((h) => h.toLowerCase() === host || h.toLowerCase() === parsed.host.toLowerCase());
  if (!known) return { ok: false, reason: 'notSharePoint', detail: `The document is stored on ${host}, not in SharePoint or OneDrive.` };
  return { ok: true, url: text };
}

/**
 * Whether a document URL is in a OneDrive for work or school: on the tenant's `-my` host, under `/personal/`
 * ("View OneDrive URLs for users in your organization": `https://<tenant name>-my.sharepoint.com/personal/<user
 * principal name>`). The path decides on hosts that serve OneDrive and SharePoint from one origin (the dev tenant).
 *
 * @example isOneDriveUrl('https://contoso-my.sharepoint.com/personal/ana_contoso_com/Documents/Plan.docx') // true
 */
export function isOneDriveUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return /^[^.]+-my\./i.test(parsed.hostname) || /^\/personal\/[^/]+/i.test(parsed.pathname);
  } catch {
    return false;
  }
}
