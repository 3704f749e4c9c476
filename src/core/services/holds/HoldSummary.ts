import type { Hold } from './holdRegister';

/** A Custodian hold with what it covers, split into items and sites. */
export interface HoldSummary {
  holdId: string;
  name: string;
  reason: string;
  state: 'active' | 'released';
  createdBy: string;
  createdAt: string;
  releasedBy?: string;
  releasedAt?: string;
  /** Item keys the hold covers. */
  items: string[];
  /** Site ids the hold covers. */
  sites: string[];
}

export function holdSummary(hold: Hold): HoldSummary {
  return {
    holdId: hold.holdId,
    name: hold.name,
    reason: hold.reason,
    state: hold.state,
    createdBy: hold.createdBy,
    createdAt: hold.createdAt,
    ...(hold.releasedBy ? { releasedBy: hold.releasedBy } : {}),
    ...(hold.releasedAt ? { releasedAt: hold.releasedAt } : {}),
    items: hold.targets.filter((t) => t.targetKind === 'item').map((t) => t.target),
    sites: hold.targets.filter((t) => t.targetKind === 'site').map((t) => t.target)
  };
}
