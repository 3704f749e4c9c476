import { siteMatchesHoldSource } from '../../domain/siteMatchesHoldSource';
import type { GraphGateway } from '../../graph/GraphGateway';
import { getSite } from '../../graph/sites/getSite';
import { CustodianError } from '../../http/CustodianError';
import type { HoldOnItem, HoldRegister } from './holdRegister';
import { readLegalHolds, type LegalHold } from './legalHolds';

/** An item a change would destroy or shorten the retention of. */
export interface HoldTarget {
  /** `siteId|listId|itemId`, the key Custodian's own holds name items by. */
  key: string;
  /** Shown in a refusal. */
  name: string;
  /** The site's own URL when the caller knows it; otherwise it is read once per site, if a legal hold needs it. */
  siteUrl?: string;
}

export interface HeldTarget extends HoldTarget {
  holds: HoldOnItem[];
}

export interface HoldCheckDeps {
  graph: GraphGateway;
  /** Custodian's own holds (on the records site): they count everywhere an eDiscovery hold does. */
  register: () => Promise<Pick<HoldRegister, 'covering'>>;
  /**
   * The eDiscovery legal holds (default: read through `graph`, which needs eDiscovery.Read.All and an eDiscovery
   * role). A 403 means "unknown", never "no hold".
   */
  legalHolds?: () => Promise<LegalHold[]>;
}

/** What a person is told when eDiscovery cannot be read: a hold might exist, so nothing is destroyed. */
export const unreadableLegalHolds: HoldOnItem = {
  source: 'ediscovery',
  id: 'unknown',
  name: 'eDiscovery legal holds that your account cannot read'
};

const unreadableRegister: HoldOnItem = {
  source: 'custodian',
  id: 'unknown',
  name: "Custodian's hold register, which your account cannot read"
};

const siteIdOf = (key: string): string => key.split('|')[0];

/**
 * The holds in force, as a lookup for the given items: Custodian's own register and the eDiscovery legal holds,
 * a legal hold's site matched by every form Graph gives (`siteMatchesHoldSource`). When a legal hold names a site
 * by URL, each item's site URL is read once per site (`GET /sites/{id}?$select=webUrl`, Sites.Read.All); a site
 * whose URL cannot be read is treated as possibly held.
 */
export async function readHoldsInForce(deps: HoldCheckDeps, targets: readonly HoldTarget[]): Promise<(target: HoldTarget) => HoldOnItem[]> {
  const [own, legal] = await Promise.all([
    deps
      .register()
      .then((r) => r.covering())
      .catch((e: unknown) => {
        if (e instanceof CustodianError && e.status === 403) return () => [unreadableRegister];
        throw e;
      }),
    (deps.legalHolds ?? (() => readLegalHolds(deps.graph)))().catch((e: unknown) => {
      if (e instanceof CustodianError && e.status === 403) return undefined;
      throw e;
    })
  ]);
  const urls = new Map<string, string | undefined>();
  for (const t of targets) if (t.siteUrl) urls.set(siteIdOf(t.key), t.siteUrl);
  if (legal?.some((h) => h.sites.some((s) => s.webUrl))) {
    const missing = [...new Set(targets.map((t) => siteIdOf(t.key)))].filter((id) => !urls.has(id));
    const sites = await Promise.all(missing.map((id) => getSite(deps.graph, id, ['webUrl']).catch(() => undefined)));
    missing.forEach((id, n) => urls.set(id, sites[n]?.webUrl ?? undefined));
  }
  return (target) => {
    const siteId = siteIdOf(target.key);
    const siteUrl = target.siteUrl ?? urls.get(siteId);
    if (!legal) return [...own(target.key, siteUrl), unreadableLegalHolds];
    const site = { id: siteId, ...(siteUrl ? { webUrl: siteUrl } : {}) };
    const ediscovery: HoldOnItem[] = legal
      .filter((h) => h.sites.some((s) => siteMatchesHoldSource(site, s)))
      .map((h) => ({ source: 'ediscovery', id: h.holdId, name: `${h.name} (eDiscovery case ${h.caseName})` }));
    // A hold naming a site by URL only cannot be ruled out for an item whose site URL is unknown.
    const undecided =
      !siteUrl && !ediscovery.length && legal.some((h) => h.sites.some((s) => s.webUrl && !s.id))
        ? [{ ...unreadableLegalHolds, name: 'eDiscovery legal holds on sites Custodian could not compare with this one' }]
        : [];
    return [...own(target.key, siteUrl), ...ediscovery, ...undecided];
  };
}

/** The given items that a hold covers (or might: eDiscovery unreadable), each with its holds. */
export async function checkHolds(deps: HoldCheckDeps, targets: readonly HoldTarget[]): Promise<HeldTarget[]> {
  if (!targets.length) return [];
  const holdsOf = await readHoldsInForce(deps, targets);
  return targets.map((t) => ({ ...t, holds: holdsOf(t) })).filter((t) => t.holds.length > 0);
}

const describe = (h: HoldOnItem): string =>
  h.id === 'unknown' ? h.name : h.source === 'custodian' ? `Custodian hold "${h.name}" (${h.id})` : `eDiscovery legal hold "${h.name}"`;

/**
 * The refusal for a change that would destroy held items or shorten their retention: which items, which holds,
 * and what to do. Status 423 (Locked), as SharePoint answers a change to held content.
 */
export function holdRefusal(held: readonly HeldTarget[], what: string): CustodianError {
  const names =
    held
      .slice(0, 3)
      .map((t) => `'${t.name}'`)
      .join(', ') + (held.length > 3 ? ` and ${held.length - 3} more` : '');
  const holds = [...new Map(held.flatMap((t) => t.holds).map((h) => [`${h.source}|${h.id}|${h.name}`, h])).values()];
  const unknownOnly = holds.every((h) => h.id === 'unknown');
  const why = `${names} ${held.length === 1 ? 'is' : 'are'} under ${holds.map(describe).join('; ')}.`;
  return new CustodianError({
    status: 423,
    code: 'onHold',
    serviceMessage: why,
    source: 'client',
    what,
    why: unknownOnly
      ? `Custodian cannot tell whether ${names} ${held.length === 1 ? 'is' : 'are'} on hold: ${holds.map(describe).join('; ')}.`
      : why,
    whatToDo: unknownOnly
      ? 'Ask a records manager (with an eDiscovery role) to check the holds and make the change, or to release the hold.'
      : 'Ask the records manager to release the hold when the matter is closed, then try again; nothing was changed.'
  });
}
