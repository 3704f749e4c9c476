import type { DriveItem, ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { isRecordBehavior } from '../../domain/behaviorDuringRetentionPeriod';
import type { AnchorHead, ProofAnchorFile } from '../../domain/proofAnchorTrust';
import { getDriveItemText } from '../../graph/driveItems/getDriveItemText';
import { getRetentionLabel } from '../../graph/driveItems/getRetentionLabel';
import { setRecordLocked } from '../../graph/driveItems/setRecordLocked';
import { setRetentionLabel } from '../../graph/driveItems/setRetentionLabel';
import { uploadSmallFile } from '../../graph/driveItems/uploadSmallFile';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listAll } from '../../graph/iteratePages';
import type { ListRef } from '../../graph/listItems/ListRef';
import { createListCall } from '../../graph/lists/createList';
import { findListByName } from '../../graph/lists/findListByName';
import { getListDrive } from '../../graph/lists/getListDrive';
import { CustodianError } from '../../http/CustodianError';
import { encodePathSegment } from '../../http/encodePathSegment';
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
  /**
   * Who may write anchors: Custodian's service account and the records managers (emails or user principal
   * names). Left out, the creator of the register's first anchor is trusted (see `judgeProofAnchors`).
   */
  writers?: readonly string[];
}

export interface ProofAnchor {
  /** Checks the anchor label is a record label in the file plan, so anchors cannot be edited or deleted. */
  check(labels: readonly FilePlanLabel[]): void;
  /**
   * Writes the head as a new anchor, a locked record with the anchor label. Returns the anchor's drive item id.
   * `addedReviewer`: the head is an "add reviewer" decision; naming the reviewer lets their anchors count after it.
   */
  write(head: { sequence: number; hash: string; addedReviewer?: string }, now: string): Promise<string>;
  /** Every file in the anchors library, with what verification needs to judge it (oldest first). */
  readAll(): Promise<ProofAnchorFile[]>;
}

const hex64 = /^[0-9a-f]{64}$/;

/** The head an anchor file holds, or undefined when its content is not an anchor. */
function headOf(text: string): ProofAnchorFile['head'] {
  try {
    const parsed = JSON.parse(text) as { sequence?: unknown; hash?: unknown; anchoredAt?: unknown; addedReviewer?: unknown };
    if (
      !Number.isInteger(parsed.sequence) ||
      (parsed.sequence as number) < 0 ||
      typeof parsed.hash !== 'string' ||
      !hex64.test(parsed.hash)
    )
      return undefined;
    return {
      sequence: parsed.sequence as number,
      hash: parsed.hash,
      ...(typeof parsed.anchoredAt === 'string' ? { anchoredAt: parsed.anchoredAt } : {}),
      ...(typeof parsed.addedReviewer === 'string' && parsed.addedReviewer.trim() !== '' ? { addedReviewer: parsed.addedReviewer } : {})
    } satisfies AnchorHead;
  } catch {
    return undefined;
  }
}

const who = (identity: DriveItem['createdBy']): string | undefined => {
  const user = identity?.user as { email?: string; userPrincipalName?: string; id?: string } | undefined;
  return user?.email ?? user?.userPrincipalName ?? user?.id ?? undefined;
};

/**
 * The chain head anchored where the register's editors cannot rewrite it: after every batch of entries, a small
 * JSON file `{ sequence, hash }` is uploaded to an anchors library on the records site and labelled with a record
 * label and locked, which forbids changing its content or deleting it (Purview's record restrictions, enforced by
 * SharePoint, not by Custodian). Anyone who can add files to the library can add a file there too, so reading
 * returns every file with its creator, last editor, label and lock, for `judgeProofAnchors` to keep only anchors a
 * trusted writer made and the tenant protects; `verifyAnchoredRegister` then checks the register passes through
 * each. Costs two or three requests per anchor written (upload, label, lock when the label starts unlocked) and
 * 1 + 2 per anchor read (listing, label, content). Permission: Files.ReadWrite.All, and Sites.FullControl.All to
 * apply a record label.
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
    async write(head: { sequence: number; hash: string; addedReviewer?: string }, now: string): Promise<string> {
      const lib = await ensure();
      const name = `head-${String(head.sequence).padStart(10, '0')}-${head.hash.slice(0, 16)}.json`;
      const content = {
        sequence: head.sequence,
        hash: head.hash,
        anchoredAt: now,
        ...(head.addedReviewer ? { addedReviewer: head.addedReviewer } : {})
      };
      const body = new Blob([JSON.stringify(content)], { type: 'application/json' });
      const file = await uploadSmallFile(graph, lib.driveId, '', name, body, { conflictBehavior: 'rename' });
      const ref = { driveId: lib.driveId, itemId: String(file.id) };
      const label = await setRetentionLabel(graph, ref, options.labelName, { itemName: name });
      // A record label may start unlocked (defaultRecordBehavior "startUnlocked"): lock it, or it proves nothing.
      if (label?.retentionSettings?.isRecordLocked === false) await setRecordLocked(graph, ref, true, { itemName: name });
      return String(file.id);
    },
    async readAll(): Promise<ProofAnchorFile[]> {
      const lib = await ensure();
      const files = (
        await listAll<DriveItem>(graph, {
          method: 'GET',
          url: `/drives/${encodePathSegment(lib.driveId)}/root/children?$select=id,name,file,createdDateTime,createdBy,lastModifiedBy`,
          action: 'read the proof anchors'
        })
      ).filter((f) => f.id && f.file);
      const read = async (file: DriveItem): Promise<ProofAnchorFile> => {
        const ref = { driveId: lib.driveId, itemId: String(file.id) };
        const [label, text] = await Promise.all([
          getRetentionLabel(graph, ref).catch((e: unknown): ItemRetentionLabel => {
            if (e instanceof CustodianError && e.status === 404) return {};
            throw e;
          }),
          getDriveItemText(graph, ref, { itemName: `the proof anchor ${String(file.name)}` })
        ]);
        const createdBy = who(file.createdBy);
        const lastModifiedBy = who(file.lastModifiedBy);
        const head = headOf(text);
        return {
          id: String(file.id),
          name: String(file.name),
          createdAt: String(file.createdDateTime ?? ''),
          ...(createdBy ? { createdBy } : {}),
          ...(lastModifiedBy ? { lastModifiedBy } : {}),
          ...(label.name ? { labelName: label.name } : {}),
          isRecordLocked: label.retentionSettings?.isRecordLocked === true,
          ...(head ? { head } : {})
        };
      };
      const out: ProofAnchorFile[] = [];
      // Eight at a time: Graph throttles a burst of hundreds of requests from one client.
      for (let i = 0; i < files.length; i += 8) out.push(...(await Promise.all(files.slice(i, i + 8).map(read))));
      return out;
    }
  };
}
