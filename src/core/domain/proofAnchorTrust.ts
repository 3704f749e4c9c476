/**
 * One file found in the proof anchors library, as Graph describes it: who created and last modified it, its
 * retention label and lock (`GET /drives/{d}/items/{i}/retentionLabel`, itemRetentionLabel.retentionSettings), and
 * the head it holds when its content is an anchor.
 */
export interface ProofAnchorFile {
  /** The drive item id: what a certificate and the register export name the anchor by. */
  id: string;
  name: string;
  createdAt: string;
  /** The creator's email (or user principal name, or object id when Graph gives neither). */
  createdBy?: string;
  lastModifiedBy?: string;
  labelName?: string;
  isRecordLocked: boolean;
  head?: AnchorHead;
}

/**
 * What an anchor file holds. `addedReviewer`: the anchor is of an "add reviewer" decision, and names the reviewer
 * added (written by Custodian when it records that decision; see `judgeProofAnchors`).
 */
export interface AnchorHead {
  sequence: number;
  hash: string;
  anchoredAt?: string;
  addedReviewer?: string;
}

/** A head the register must pass through, and the anchor that holds it. */
export interface AnchoredHead {
  id: string;
  name: string;
  sequence: number;
  hash: string;
}

export interface RejectedAnchor {
  id: string;
  name: string;
  createdBy?: string;
  reason: string;
}

/**
 * Who may write anchors. `writers`: the service account and records managers, as the host configures them. When
 * the host configures nobody, the creator of the oldest anchor that is a locked record with the register's label
 * is trusted (trust on first use): that anchor can be neither altered nor deleted, so a later forger cannot take
 * its place. `reviewers`: the disposition reviewers the file plan names (Purview's labels, which an office worker
 * cannot edit); their decisions write anchors under their own identity. A reviewer added during a review is
 * trusted only as `judgeProofAnchors` explains.
 */
export interface AnchorTrustPolicy {
  labelName: string;
  writers?: readonly string[];
  reviewers?: readonly string[];
}

const isLockedWithLabel = (file: ProofAnchorFile, labelName: string): boolean =>
  file.isRecordLocked && (file.labelName ?? '').toLowerCase() === labelName.toLowerCase();

const byAge = (a: ProofAnchorFile, b: ProofAnchorFile): number => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Splits the anchors library into the anchors verification may rely on and those it must not, each with why:
 * an anchor counts only when it is a locked record carrying the register's label (the tenant then refuses to
 * change or delete it), was created and last modified by a trusted writer, and holds a head.
 *
 * A reviewer added during a review (the "add reviewer" decision) writes anchors of their own decisions. They are a
 * trusted writer only when a trusted anchor names them as added (`head.addedReviewer`), and only for anchors of
 * entries after the one that anchor holds. Custodian writes that name into the anchor of the decision itself, under
 * the identity of the reviewer who decided; the anchor is then a locked record nobody can change. A register entry
 * saying "reviewer added" is not enough, even when a trusted anchor later covers it: anyone who can edit the register
 * list can append such an entry, correctly chained, and the next real decision would anchor it. Verification then
 * checks the naming anchor's hash against the register like any other, so it names a decision really recorded.
 *
 * @example judgeProofAnchors(files, { labelName: 'Custodian Proof Anchor', writers: ['svc-custodian@contoso.com'] })
 */
export function judgeProofAnchors(
  files: readonly ProofAnchorFile[],
  policy: AnchorTrustPolicy
): { trusted: AnchoredHead[]; rejected: RejectedAnchor[]; writers: string[] } {
  const configured = (policy.writers ?? []).filter((w) => w.trim() !== '');
  const first = configured.length
    ? undefined
    : [...files].filter((f) => isLockedWithLabel(f, policy.labelName) && f.createdBy).sort(byAge)[0];
  const writers = [...configured, ...(first?.createdBy ? [first.createdBy] : []), ...(policy.reviewers ?? [])].map((w) => w.toLowerCase());
  /** Reviewers added during a review: the entry whose anchor names them; they may anchor entries after it. */
  const added = new Map<string, number>();
  const mayWrite = (who: string | undefined, sequence: number | undefined): boolean => {
    if (who === undefined) return false;
    const since = added.get(who.toLowerCase());
    return writers.includes(who.toLowerCase()) || (since !== undefined && sequence !== undefined && sequence > since);
  };
  const sound = (file: ProofAnchorFile): boolean =>
    isLockedWithLabel(file, policy.labelName) &&
    file.head !== undefined &&
    mayWrite(file.createdBy, file.head.sequence) &&
    (file.lastModifiedBy === undefined || mayWrite(file.lastModifiedBy, file.head.sequence));
  // An added reviewer may add another: repeat until no trusted anchor names anyone new (or earlier).
  for (let grew = true; grew;) {
    grew = false;
    for (const file of files) {
      const name = file.head?.addedReviewer?.toLowerCase();
      if (!name || !sound(file)) continue;
      const sequence = (file.head as AnchorHead).sequence;
      if ((added.get(name) ?? Infinity) > sequence) {
        added.set(name, sequence);
        grew = true;
      }
    }
  }
  const refusal = (who: string | undefined, did: string): string => {
    const since = who === undefined ? undefined : added.get(who.toLowerCase());
    return since === undefined
      ? `it was ${did} by ${who ?? 'an unknown account'}, who is neither Custodian's service account nor a records manager`
      : `it was ${did} by ${who}, who was added as a reviewer at entry ${since} and may anchor only later entries`;
  };
  const trusted: AnchoredHead[] = [];
  const rejected: RejectedAnchor[] = [];
  for (const file of [...files].sort(byAge)) {
    const reject = (reason: string): void => {
      rejected.push({ id: file.id, name: file.name, ...(file.createdBy ? { createdBy: file.createdBy } : {}), reason });
    };
    const sequence = file.head?.sequence;
    if ((file.labelName ?? '').toLowerCase() !== policy.labelName.toLowerCase())
      reject(
        file.labelName
          ? `it carries the label "${file.labelName}", not the register's label "${policy.labelName}"`
          : `it has no retention label, so anyone who can edit the library could have changed it`
      );
    else if (!file.isRecordLocked) reject('it is not a locked record, so its content could have been changed');
    else if (!mayWrite(file.createdBy, sequence)) reject(refusal(file.createdBy, 'created'));
    else if (file.lastModifiedBy !== undefined && !mayWrite(file.lastModifiedBy, sequence))
      reject(
        added.has(file.lastModifiedBy.toLowerCase())
          ? refusal(file.lastModifiedBy, 'last modified')
          : `it was last modified by ${file.lastModifiedBy}, who may not write anchors`
      );
    else if (!file.head) reject('its content is not an anchor (a JSON object with a sequence and a SHA-256 hash)');
    else trusted.push({ id: file.id, name: file.name, sequence: file.head.sequence, hash: file.head.hash });
  }
  return { trusted, rejected, writers: [...writers, ...added.keys()] };
}
