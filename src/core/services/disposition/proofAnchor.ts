import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { isRecordBehavior } from '../../domain/behaviorDuringRetentionPeriod';
import { getDriveItemText } from '../../graph/driveItems/getDriveItemText';
import { setRetentionLabel } from '../../graph/driveItems/setRetentionLabel';
import { uploadSmallFile } from '../../graph/driveItems/uploadSmallFile';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listAll } from '../../graph/iteratePages';
import { getListItemDriveItem } from '../../graph/listItems/getListItemDriveItem';
import { listListItemsCall } from '../../graph/listItems/listListItems';
import type { ListRef } from '../../graph/listItems/ListRef';
import { createListCall } from '../../graph/lists/createList';
import { findListByName } from '../../graph/lists/findListByName';
import { getListDrive } from '../../graph/lists/getListDrive';
import { CustodianError } from '../../http/CustodianError';
import { reviewError } from './dispositionErrors';

export interface ProofAnchorOptions {
  /** The library on the records site that holds the anchors (created on first use). */
  libraryTitle?: string;
  /**
   * The retention label that makes each anchor file a record. Use a regulatory record label where the tenant has
   * one: nobody, not even an administrator, can then unlock, relabel or delete it. A plain record label protects
   * content but a site collection administrator can remove it (and the audit log shows that).
   */
  labelName: string;
}

/** Where the register's latest entry is anchored: the head as the newest anchor file holds it. */
export interface ProofAnchorHead {
  sequence: number;
  hash: string;
  anchoredAt: string;
}

export interface ProofAnchor {
  /** Checks the anchor label is a record label in the file plan, so anchors cannot be edited or deleted. */
  check(labels: readonly FilePlanLabel[]): void;
  write(head: { sequence: number; hash: string }, now: string): Promise<void>;
  /** The newest anchor, or undefined before the first. */
  read(): Promise<ProofAnchorHead | undefined>;
}

/**
 * The chain head anchored where the register's editors cannot rewrite it: after every batch of entries, a small
 * JSON file `{ sequence, hash }` is uploaded to an anchors library on the records site and labelled with a record
 * label, which locks its content and forbids deleting it (Purview's record restrictions, enforced by SharePoint,
 * not by Custodian). The newest anchor is found by `Created`, which nobody can edit. `verifyProofRegister` with
 * this head then catches what a self-consistent chain hides: newest entries removed or rewritten and every later
 * hash recomputed. Costs two requests per anchor (upload, label). Permission: Files.ReadWrite.All, and
 * Sites.FullControl.All to apply a record label.
 */
export function createProofAnchor(graph: GraphGateway, siteId: string, options: ProofAnchorOptions): ProofAnchor {
  const title = options.libraryTitle ?? 'Custodian Proof Anchors';
  let library: Promise<ListRef & { driveId: string }> | undefined;

  const ensure = (): Promise<ListRef & { driveId: string }> => {
    library ??= (async () => {
      let list = await findListByName(graph, siteId, title);
      if (!list) {
        try {
          list = await graph.call({
            ...createListCall(siteId, {
              displayName: title,
              description: 'Anchors of the disposition register (records).',
              template: 'documentLibrary'
            }),
            action: `set up its library '${title}' on the records site`
          });
        } catch (e) {
          if (!(e instanceof CustodianError && e.status === 409)) throw e;
          list = await findListByName(graph, siteId, title);
          if (!list) throw e;
        }
      }
      const ref = { siteId, listId: String(list.id) };
      const drive = await getListDrive(graph, ref);
      return { ...ref, driveId: String(drive.id) };
    })();
    library.catch(() => (library = undefined));
    return library;
  };

  return {
    check(labels: readonly FilePlanLabel[]): void {
      const label = labels.find((l) => l.name.toLowerCase() === options.labelName.toLowerCase());
      if (!label?.retention || !isRecordBehavior(label.retention.behavior))
        throw reviewError({
          code: 'anchorLabelNotRecord',
          what: 'Custodian cannot anchor the proof register.',
          why: `The anchor label "${options.labelName}" ${label ? 'does not mark items as records' : 'is not in the file plan'}, so anchors could be edited or deleted.`,
          whatToDo: 'Ask your records manager to choose a record label (a regulatory record label where available) for proof anchors.'
        });
    },
    async write(head: { sequence: number; hash: string }, now: string): Promise<void> {
      const lib = await ensure();
      const name = `head-${String(head.sequence).padStart(10, '0')}-${head.hash.slice(0, 16)}.json`;
      const body = new Blob([JSON.stringify({ sequence: head.sequence, hash: head.hash, anchoredAt: now })], { type: 'application/json' });
      const file = await uploadSmallFile(graph, lib.driveId, '', name, body, { conflictBehavior: 'rename' });
      await setRetentionLabel(graph, { driveId: lib.driveId, itemId: String(file.id) }, options.labelName, { itemName: name });
    },
    async read(): Promise<ProofAnchorHead | undefined> {
      const lib = await ensure();
      const items = await listAll<ListItem>(graph, {
        ...listListItemsCall(lib, { fields: ['Created', 'FileLeafRef'] }),
        action: 'read the proof anchors'
      });
      const newest = items
        .filter((i) => i.id)
        .sort(
          (a, b) =>
            String((b.fields as Record<string, unknown>).Created).localeCompare(String((a.fields as Record<string, unknown>).Created)) ||
            Number(b.id) - Number(a.id)
        )[0];
      if (!newest) return undefined;
      const file = await getListItemDriveItem(graph, lib, String(newest.id));
      const text = await getDriveItemText(
        graph,
        { driveId: lib.driveId, itemId: String(file.id) },
        { itemName: 'the newest proof anchor' }
      );
      const parsed = JSON.parse(text) as ProofAnchorHead;
      return { sequence: Number(parsed.sequence), hash: String(parsed.hash), anchoredAt: String(parsed.anchoredAt) };
    }
  };
}
