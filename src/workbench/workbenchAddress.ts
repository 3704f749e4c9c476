// What the workbench's address keeps, so that a reload stays where the person was: the site (`?site=/sites/legal`)
// and who is signed in (`?as=records-manager`). Only a server-relative site path is taken, so the address can
// never point the workbench at another origin.

/** The workbench's site when none is chosen: Finance, which has libraries with and without default labels. */
export const defaultSitePath = '/sites/finance';

/** Who the workbench signs in as: a site owner configures a site's file plan; a records manager may also create labels. */
export const workbenchPersonas = [
  { persona: 'site-owner', name: 'Sam Okafor, site owner' },
  { persona: 'records-manager', name: 'Priya Raman, records manager' }
] as const;
export type WorkbenchPersona = (typeof workbenchPersonas)[number]['persona'];

/**
 * The site path from the page's query, or the default.
 *
 * @example sitePathFromLocation('?site=%2Fsites%2Flegal') // '/sites/legal'
 */
export function sitePathFromLocation(search: string): string {
  const value = new URLSearchParams(search).get('site');
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return defaultSitePath;
  return value.replace(/\/+$/, '') || '/';
}

/** The persona from the page's query (`?as=records-manager`); the site owner for anything else. */
export function personaFromLocation(search: string): WorkbenchPersona {
  const value = new URLSearchParams(search).get('as');
  return workbenchPersonas.find((p) => p.persona === value)?.persona ?? 'site-owner';
}

/** The page's address with one query parameter set, the others kept. */
export function withQueryValue(href: string, name: 'site' | 'as', value: string): string {
  const url = new URL(href);
  url.searchParams.set(name, value);
  return url.toString();
}
