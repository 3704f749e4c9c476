import { siteMatchesHoldSource } from '../../domain/siteMatchesHoldSource';
import type { InstantInput } from '../../domain/utcInstant';
import { parseUtcInstant } from '../../domain/utcInstant';
import type { RecordsSite } from '../recordsSite/RecordsSite';
import type { StoredEntry } from '../recordsSite/RecordsListStore';
import { holdsList, holdTargetsList, type HoldRow, type HoldTargetRow } from '../disposition/dispositionLists';
import { reviewError } from '../disposition/dispositionErrors';
import { appendToRegister, type RegisterEntry } from '../disposition/proofRegister';

export interface Hold extends HoldRow {
  targets: HoldTargetRow[];
}

/** A hold that covers an item: Custodian's own, or an eDiscovery legal hold on its site. */
export interface HoldOnItem {
  source: 'custodian' | 'ediscovery';
  id: string;
  name: string;
}

const stamp = (now: InstantInput): string => {
  const time = parseUtcInstant(now);
  if (time === undefined) throw new RangeError('The current time is not a valid date with a time zone.');
  return new Date(time).toISOString();
};

const requireText = (value: string, what: string): void => {
  if (!value.trim())
    throw reviewError({
      code: 'justificationRequired',
      what: `Custodian did not ${what}.`,
      why: 'A reason is required; it is kept as proof.',
      whatToDo: 'Give the reason, then try again.'
    });
};

/**
 * Custodian's holds, in two lists on the records site (holds, and the items and sites each covers). Creating a
 * hold, adding to it and releasing it each add an entry to the proof register. Holds block approval of disposal
 * (the domain refuses `approve` while any hold covers the item); relabel and extend still work.
 */
export function createHoldRegister(site: RecordsSite) {
  const holds = site.list(holdsList);
  const targets = site.list(holdTargetsList);

  async function load(holdId: string): Promise<StoredEntry<HoldRow>> {
    const found = await holds.find(holdId);
    if (!found)
      throw reviewError({
        code: 'holdNotFound',
        status: 404,
        what: 'Custodian could not find the hold.',
        why: `There is no hold with id ${holdId}.`,
        whatToDo: 'Refresh the list of holds.'
      });
    return found;
  }

  return {
    async create(input: { name: string; reason: string; by: string; now: InstantInput }): Promise<{ hold: HoldRow; entry: RegisterEntry }> {
      requireText(input.reason, 'create the hold');
      const at = stamp(input.now);
      const holdId = `H-${at.replace(/\D/g, '').slice(0, 14)}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
      const row: HoldRow = {
        holdId,
        name: input.name.trim() || holdId,
        reason: input.reason.trim(),
        state: 'active',
        createdBy: input.by,
        createdAt: at
      };
      await holds.create(row);
      const entry = await appendToRegister(
        site,
        {
          kind: 'hold',
          subject: holdId,
          subjectName: row.name,
          action: 'createHold',
          stage: 0,
          by: input.by,
          justification: row.reason,
          outcome: 'active',
          detail: {}
        },
        at
      );
      return { hold: row, entry };
    },
    async add(input: {
      holdId: string;
      items?: readonly string[];
      sites?: readonly string[];
      by: string;
      justification: string;
      now: InstantInput;
    }): Promise<RegisterEntry> {
      requireText(input.justification, 'add to the hold');
      const hold = await load(input.holdId);
      if (hold.value.state !== 'active')
        throw reviewError({
          code: 'holdReleased',
          what: 'Custodian did not add to the hold.',
          why: `The hold "${hold.value.name}" was released on ${hold.value.releasedAt}.`,
          whatToDo: 'Create a new hold.'
        });
      const at = stamp(input.now);
      const existing = new Set((await targets.query({ holdId: input.holdId })).map((t) => t.value.targetKey));
      const wanted: [HoldTargetRow['targetKind'], string][] = [
        ...(input.items ?? []).map((t) => ['item', t] as [HoldTargetRow['targetKind'], string]),
        ...(input.sites ?? []).map((t) => ['site', t] as [HoldTargetRow['targetKind'], string])
      ];
      for (const [targetKind, target] of wanted) {
        const targetKey = `${input.holdId}|${targetKind}|${target}`;
        if (existing.has(targetKey)) continue;
        await targets.create({ targetKey, holdId: input.holdId, targetKind, target, addedBy: input.by, addedAt: at });
      }
      return appendToRegister(
        site,
        {
          kind: 'hold',
          subject: input.holdId,
          subjectName: hold.value.name,
          action: 'addToHold',
          stage: 0,
          by: input.by,
          justification: input.justification.trim(),
          outcome: `${wanted.length} added`,
          detail: { items: String(input.items?.length ?? 0), sites: String(input.sites?.length ?? 0) }
        },
        at
      );
    },
    async release(input: { holdId: string; by: string; justification: string; now: InstantInput }): Promise<RegisterEntry> {
      requireText(input.justification, 'release the hold');
      const hold = await load(input.holdId);
      if (hold.value.state === 'released')
        throw reviewError({
          code: 'holdReleased',
          what: 'Custodian did not release the hold.',
          why: `It was already released by ${hold.value.releasedBy} on ${hold.value.releasedAt}.`,
          whatToDo: 'Refresh the list of holds.'
        });
      const at = stamp(input.now);
      await holds.update(hold, { state: 'released', releasedBy: input.by, releasedAt: at });
      return appendToRegister(
        site,
        {
          kind: 'hold',
          subject: input.holdId,
          subjectName: hold.value.name,
          action: 'releaseHold',
          stage: 0,
          by: input.by,
          justification: input.justification.trim(),
          outcome: 'released',
          detail: {}
        },
        at
      );
    },
    /** Every hold with what it covers. */
    async list(): Promise<Hold[]> {
      const [all, covered] = await Promise.all([holds.list(), targets.list()]);
      return all.map((h) => ({ ...h.value, targets: covered.filter((t) => t.value.holdId === h.value.holdId).map((t) => t.value) }));
    },
    /**
     * Active holds covering each item key (`siteId|listId|itemId`), by its key or its site. A site target is a Graph
     * site id or a site URL (`siteUrl`, the item's site's own URL, is needed to match the latter).
     */
    async covering(): Promise<(itemKey: string, siteUrl?: string) => HoldOnItem[]> {
      const all = (await this.list()).filter((h) => h.state === 'active');
      return (itemKey, siteUrl) => {
        const site = { id: itemKey.split('|')[0], ...(siteUrl ? { webUrl: siteUrl } : {}) };
        return all
          .filter((h) =>
            h.targets.some((t) =>
              t.targetKind === 'item'
                ? t.target === itemKey
                : siteMatchesHoldSource(site, /^https?:\/\//i.test(t.target) ? { webUrl: t.target } : { id: t.target })
            )
          )
          .map((h) => ({ source: 'custodian' as const, id: h.holdId, name: h.name }));
      };
    }
  };
}

export type HoldRegister = ReturnType<typeof createHoldRegister>;
