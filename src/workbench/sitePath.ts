/** The workbench's site when none is chosen: Finance, which has libraries with and without default labels. */
export const defaultSitePath = '/sites/finance';

/**
 * The site path from the page's query (`?site=/sites/legal`), or the default. Only a server-relative path is
 * taken, so the query can never point the workbench at another origin.
 *
 * @example sitePathFromLocation('?site=%2Fsites%2Flegal') // '/sites/legal'
 */
export function sitePathFromLocation(search: string): string {
  const value = new URLSearchParams(search).get('site');
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return defaultSitePath;
  return value.replace(/\/+$/, '') || '/';
}

/** The page's address with `site` set to `path`, other query parameters kept. */
export function withSitePath(href: string, path: string): string {
  const url = new URL(href);
  url.searchParams.set('site', path);
  return url.toString();
}
