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
  head?: { sequence: number; hash: string; anchoredAt?: string };
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
 * cannot edit); their decisions write anchors under their own identity.
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
  const trustedWriter = (who: string | undefined): boolean => who !== undefined && writers.includes(who.toLowerCase());
  const trusted: AnchoredHead[] = [];
  const rejected: RejectedAnchor[] = [];
  for (const file of [...files].sort(byAge)) {
    const reject = (reason: string): void => {
      rejected.push({ id: file.id, name: file.name, ...(file.createdBy ? { createdBy: file.createdBy } : {}), reason });
    };
    if ((file.labelName ?? '').toLowerCase() !== policy.labelName.toLowerCase())
      reject(
        file.labelName
          ? `it carries the label "${file.labelName}", not the register's label "${policy.labelName}"`
          : `it has no retention label, so anyone who can edit the library could have changed it`
      );
    else if (!file.isRecordLocked) reject('it is not a locked record, so its content could have been changed');
    else if (!trustedWriter(file.createdBy))
      reject(
        `it was created by ${file.createdBy ?? 'an unknown account'}, who is neither Custodian's service account nor a records manager`
      );
    else if (file.lastModifiedBy !== undefined && !trustedWriter(file.lastModifiedBy))
      reject(`it was last modified by ${file.lastModifiedBy}, who may not write anchors`);
    else if (!file.head) reject('its content is not an anchor (a JSON object with a sequence and a SHA-256 hash)');
    else trusted.push({ id: file.id, name: file.name, sequence: file.head.sequence, hash: file.head.hash });
  }
  return { trusted, rejected, writers };
}
