/**
 * Why the property pane's records site URL cannot be used, or '' when it can (empty means "this site"): an absolute
 * https URL of a site, without a query or fragment.
 *
 * @example recordsSiteUrlError('https://contoso.sharepoint.com/sites/records') // ''
 */
export function recordsSiteUrlError(value: string): string {
  const text = value.trim();
  if (text === '') return '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter the full address of the records site, starting with https://';
  }
  if (url.protocol !== 'https:') return 'The records site address must start with https://';
  if (url.search || url.hash) return 'Enter the address of the site itself, without ? or # parts.';
  if (/\/(Forms|SitePages|_layouts)\//i.test(url.pathname) || /\.aspx$/i.test(url.pathname))
    return 'Enter the address of the site, not of a page or library in it (for example https://contoso.sharepoint.com/sites/records).';
  return '';
}
