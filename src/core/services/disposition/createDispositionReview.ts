import type { DispositionDecision, DispositionReview } from '../../domain/dispositionReview';
import { applyDispositionAction, resumeDispositionReview } from '../../domain/applyDispositionAction';
import { checkRecordAction } from '../../domain/recordRestrictions';
import { parseUtcInstant, type InstantInput } from '../../domain/utcInstant';
import type { DriveItemRef } from '../../graph/driveItems/DriveItemRef';
import { getRetentionLabel } from '../../graph/driveItems/getRetentionLabel';
import { removeRetentionLabel } from '../../graph/driveItems/removeRetentionLabel';
import { setRetentionLabel } from '../../graph/driveItems/setRetentionLabel';
import type { GraphGateway } from '../../graph/GraphGateway';
import { deleteListItem } from '../../graph/listItems/deleteListItem';
import { getListItemDriveItem } from '../../graph/listItems/getListItemDriveItem';
import { getSignedInUser } from '../../graph/users/getSignedInUser';
import { CustodianError } from '../../http/CustodianError';
import type { DispositionIndex, QueueEntry } from '../index/createDispositionIndex';
import type { RecordsSite } from '../recordsSite/RecordsSite';
import type { StoredEntry } from '../recordsSite/RecordsListStore';
import { reviewError } from './dispositionErrors';
import { reviewStatesList, type ReviewStateRow } from './dispositionLists';
import { createHoldRegister, type HoldOnItem, type HoldRegister } from '../holds/holdRegister';
import { readLegalHolds, type LegalHold } from '../holds/legalHolds';
import { readHoldsInForce } from '../holds/checkHolds';
import { createProofAnchor, type ProofAnchorOptions } from './proofAnchor';
import { appendToRegister, verifyRegister, type RegisterEntry, type RegisterVerification } from './proofRegister';

/** A decision as the Teams tab sends it; who decides is the signed-in user. */
export type ReviewDecision =
  | { kind: 'approve'; justification: string }
  | { kind: 'relabel'; justification: string; labelName: string }
  | { kind: 'extend'; justification: string; until: string }
  | { kind: 'addReviewer'; justification: string; reviewer: string };

/** An item in the review queue: the index's entry with the review as the register left it, and what holds it. */
export interface ReviewQueueEntry extends QueueEntry {
  holds: HoldOnItem[];
  /**
   * A final approval was saved but the disposal did not finish (the deletion failed and could not be undone, or the
   * run stopped between the two). The item is still there and waits at its last stage: approving again finishes it.
   */
  interruptedDisposal?: true;
}

export interface DecisionResult {
  outcome: 'nextStage' | 'disposed' | 'relabelled' | 'extended' | 'reviewerAdded';
  review: DispositionReview;
  entry: RegisterEntry;
}

export interface DispositionReviewOptions {
  graph: GraphGateway;
  site: RecordsSite;
  index: DispositionIndex;
  anchor: ProofAnchorOptions;
  /** The signed-in user is in Purview's Record Manager Security Group: may act at any stage. */
  actorIsRecordsManager?: boolean;
  /**
   * Reads the eDiscovery legal holds (default: through `graph`, which needs eDiscovery.Read.All). A host whose
   * reviewers lack that permission can pass holds read by a records manager's session or job. When they cannot be
   * read at all, approval is refused (a hold might exist), never allowed.
   */
  legalHolds?: () => Promise<LegalHold[]>;
}

const stampOf = (now: InstantInput): string => {
  const time = parseUtcInstant(now);
  if (time === undefined) throw new RangeError('The current time is not a valid date with a time zone.');
  return new Date(time).toISOString();
};

/**
 * How long a disposal may take before it counts as interrupted: deleting one item takes seconds; a disposal that
 * started longer ago than this stopped (the deletion failed and could not be undone, or the page or job was closed).
 * Before that, another reviewer's approval is refused as a conflict, so that two people never dispose of one item.
 */
const disposalTimeoutMs = 10 * 60_000;

function interruptedDisposal(state: ReviewStateRow | undefined, now: string): boolean {
  if (state?.status !== 'disposing') return false;
  const started = Date.parse(state.lastDecision?.at ?? '');
  return Number.isNaN(started) || Date.parse(now) - started > disposalTimeoutMs;
}

/** A review's stored status as the reviewer told of a conflict reads it (never the internal name). */
const statusWords: Readonly<Record<string, string>> = {
  pendingReview: 'waiting for review',
  extended: 'extended',
  relabelled: 'relabelled',
  approvedForDisposal: 'approved for disposal'
};

/**
 * The stored state of the review an entry is in now. A review finished by relabelling is over for the label it was
 * about; when the item's new label ends in a review too (Purview applies the new label's retention, from the item's
 * own start), that is a new review, with no state yet: the old row is reused for it, not read as its state.
 */
function stateOfCurrentReview(entry: QueueEntry, state: ReviewStateRow | undefined): ReviewStateRow | undefined {
  const relabelledAway =
    state?.status === 'relabelled' &&
    state.relabelTo !== undefined &&
    state.relabelTo.toLowerCase() === entry.item.labelName?.toLowerCase();
  return relabelledAway ? undefined : state;
}

/** The domain's review, as the stored state row says it stands now. */
function mergeState(base: DispositionReview, state: ReviewStateRow | undefined): DispositionReview {
  if (!state) return base;
  const stages = base.stages.map((s, i) => ({
    name: s.name,
    reviewers: [...s.reviewers, ...state.addedReviewers.filter(([stage]) => stage === i + 1).map(([, email]) => email)]
  }));
  // An interrupted disposal ('disposing') waits at its last stage again: the item was not deleted, and no proof entry
  // was written for the approval that started it.
  const status = state.status === 'disposed' ? 'approvedForDisposal' : state.status === 'disposing' ? 'pendingReview' : state.status;
  return {
    ...base,
    stages,
    currentStage: state.currentStage,
    status,
    ...(state.extendedUntil ? { extendedUntil: state.extendedUntil } : {}),
    ...(state.relabelTo ? { relabelTo: state.relabelTo } : {})
  };
}

/**
 * Reviews dispositions as Purview's disposition page does, for labels whose action is `startDispositionReview`
 * (Graph has no API to Purview's own queue): the queue from the disposition index, each item's review state in a
 * list on the records site, decisions by the domain (`applyDispositionAction`: stages as the label defines them, a
 * justification each time, holds block approval), outcomes carried out through Graph (delete at the final
 * approval, relabel), and every decision added to the SHA-256 proof register, whose head is anchored in a record.
 *
 * Two reviewers deciding the same item at once: the state row is changed with `If-Match`, so one decision wins and
 * the other gets `CustodianError { code: 'reviewConflict', status: 409 }` saying who decided what, and nothing of
 * theirs is carried out: one disposal, one proof entry.
 */
export function createDispositionReview(options: DispositionReviewOptions) {
  const { graph, site, index } = options;
  const states = site.list(reviewStatesList);
  const holds: HoldRegister = createHoldRegister(site);
  const anchor = createProofAnchor(graph, site.siteId, options.anchor);
  let actor: Promise<string> | undefined;

  const signedIn = (): Promise<string> => {
    actor ??= getSignedInUser(graph).then((u) => String(u.mail ?? u.userPrincipalName ?? u.id));
    actor.catch(() => (actor = undefined));
    return actor;
  };

  /** Custodian's holds and the eDiscovery legal holds covering the given entries (see `readHoldsInForce`). */
  async function holdsLookup(entries: readonly QueueEntry[]): Promise<(key: string) => HoldOnItem[]> {
    const targets = entries.map((e) => ({ key: e.key, name: e.item.name }));
    const holdsOf = await readHoldsInForce({ graph, register: async () => holds, legalHolds: options.legalHolds }, targets);
    return (key) => holdsOf({ key, name: key });
  }

  /** Anchors a decision; an "add reviewer" decision's anchor names the reviewer, so their own anchors count after it. */
  async function anchorHead(entry: RegisterEntry, at: string, addedReviewer?: string): Promise<void> {
    await anchor.write({ sequence: entry.sequence, hash: entry.hash, ...(addedReviewer ? { addedReviewer } : {}) }, at);
  }

  function conflict(state: StoredEntry<ReviewStateRow> | undefined, itemName: string): CustodianError {
    const last = state?.value.lastDecision;
    const what = last
      ? `${last.by} made a decision (${last.action}, stage ${last.stage}) on ${itemName} at ${last.at}, just before yours.`
      : `Someone else decided on ${itemName} just before you.`;
    const now =
      state?.value.status === 'disposed'
        ? 'The item has been disposed of.'
        : state?.value.status === 'disposing'
          ? 'The item is being disposed of.'
          : `The review is now ${statusWords[state?.value.status ?? ''] ?? 'changed'} at stage ${state?.value.currentStage ?? '?'}.`;
    return reviewError({
      code: 'reviewConflict',
      status: 409,
      what: 'Your decision was not recorded.',
      why: `${what} ${now}`,
      whatToDo: 'Refresh the queue and review the item again if it still needs a decision.'
    });
  }

  return {
    holds,
    /**
     * The review queue at `now`: ended items whose label asks for review, without finished or suspended (extended)
     * reviews, each with the holds that cover it.
     */
    async queue(now: InstantInput): Promise<ReviewQueueEntry[]> {
      const due = index.queue(now);
      const [rows, heldBy] = await Promise.all([states.list(), holdsLookup(due)]);
      const byKey = new Map<string, ReviewStateRow>();
      for (const row of rows) if (!byKey.has(row.value.itemKey)) byKey.set(row.value.itemKey, row.value);
      const out: ReviewQueueEntry[] = [];
      for (const entry of due) {
        const state = stateOfCurrentReview(entry, byKey.get(entry.key));
        if (state && ['disposed', 'relabelled', 'approvedForDisposal'].includes(state.status)) continue;
        const interrupted = interruptedDisposal(state, stampOf(now));
        // A disposal in progress: its item is about to go.
        if (state?.status === 'disposing' && !interrupted) continue;
        // An extension still running suspends the review (it restarts at stage 1 when it runs out).
        const review = resumeDispositionReview(mergeState(entry.review, state), now);
        if (review.status === 'extended') continue;
        out.push({
          ...entry,
          review,
          holds: heldBy(entry.key),
          ...(interrupted ? { interruptedDisposal: true as const } : {})
        });
      }
      return out;
    },
    /** eDiscovery legal holds read from Graph. */
    legalHolds: (): Promise<LegalHold[]> => (options.legalHolds ?? (() => readLegalHolds(graph)))(),
    /**
     * Records one decision on one item (the signed-in user decides). Refusals from the domain (not a reviewer of
     * this stage, on hold, no justification, ...) and the record rules (a regulatory record is never relabelled
     * or deleted) are `CustodianError`s with the domain's reason, before anything is written.
     */
    async decide(key: string, decision: ReviewDecision, now: InstantInput): Promise<DecisionResult> {
      const at = stampOf(now);
      const entry = index.queue(at).find((e) => e.key === key);
      const itemName = entry ? `'${entry.item.name}'` : 'the item';
      if (!entry)
        throw reviewError({
          code: 'notInQueue',
          status: 404,
          what: 'Custodian did not record the decision.',
          why: 'The item is not waiting for a disposition review: its retention has not ended, its label does not ask for a review, or it is gone.',
          whatToDo: 'Refresh the queue.'
        });
      const by = await signedIn();
      const found = await states.query({ itemKey: key });
      let state = found[0];
      const current = stateOfCurrentReview(entry, state?.value);
      const review = mergeState(entry.review, current);
      if (current && ['disposed', 'relabelled', 'approvedForDisposal'].includes(current.status)) throw conflict(state, itemName);
      if (current?.status === 'disposing' && !interruptedDisposal(current, at)) throw conflict(state, itemName);
      const heldBy = (await holdsLookup([entry]))(key);
      const facts = index.facts();
      const step = applyDispositionAction(
        review,
        {
          kind: decision.kind,
          by,
          justification: decision.justification,
          ...('labelName' in decision ? { labelName: decision.labelName } : {}),
          ...('until' in decision ? { until: decision.until } : {}),
          ...('reviewer' in decision ? { reviewer: decision.reviewer } : {})
        },
        {
          now: at,
          holds: heldBy,
          actorIsRecordsManager: options.actorIsRecordsManager === true,
          labelNames: facts?.labels.map((l) => l.name)
        }
      );
      if (!step.ok)
        throw reviewError({
          code: step.code,
          status: step.code === 'onHold' ? 423 : 403,
          what: `Custodian did not record your decision on ${itemName}.`,
          why: step.reason,
          whatToDo:
            step.code === 'onHold'
              ? 'Ask the hold owner to release the hold, or extend or relabel the item instead.'
              : step.code === 'justificationRequired'
                ? 'Write why you decide this; it is kept as proof.'
                : 'Check the decision, or ask a reviewer of this stage.'
        });
      const label = facts?.labels.find((l) => l.name.toLowerCase() === (entry.item.labelName ?? '').toLowerCase());
      const behavior = label?.retention?.behavior ?? null;
      if (step.outcome === 'dispose' || step.outcome === 'relabel') {
        const action = step.outcome === 'dispose' ? 'delete' : 'relabel';
        // Disposal of a record removes its label first (as a site collection administrator may); a regulatory record never.
        const check = checkRecordAction(
          action === 'delete' && behavior === 'retainAsRecord' ? 'removeLabel' : action,
          { behavior, isLocked: entry.item.isRecord, retentionEnded: true },
          undefined,
          { isContainerAdmin: true }
        );
        if (!check.allowed)
          throw reviewError({
            code: check.code,
            status: 403,
            what: `Custodian did not ${action === 'delete' ? 'dispose of' : 'relabel'} ${itemName}.`,
            why: check.reason,
            whatToDo: 'Purview disposes of such records itself; review the item in the Purview portal.'
          });
      }
      const decided = step.review.history[step.review.history.length - 1] as DispositionDecision;
      const added = step.review.stages.flatMap((s, i) =>
        s.reviewers.filter((r) => !entry.review.stages[i]?.reviewers.includes(r)).map((r) => [i + 1, r] as [number, string])
      );
      const final = step.outcome === 'dispose';
      const next: ReviewStateRow = {
        itemKey: key,
        status: final ? 'disposing' : step.review.status,
        currentStage: step.review.currentStage,
        addedReviewers: added,
        lastDecision: { by, action: decision.kind, stage: decided.stage, at },
        ...(state?.value.lastSequence !== undefined ? { lastSequence: state.value.lastSequence } : {}),
        ...(step.review.extendedUntil ? { extendedUntil: step.review.extendedUntil } : {}),
        ...(step.review.relabelTo ? { relabelTo: step.review.relabelTo } : {})
      };
      // An update changes only the columns it names: an extension's end or a relabel that no longer holds is emptied.
      const saved = { extendedUntil: null, relabelTo: null, ...next };
      const [siteId, listId, itemId] = key.split('|');
      const ref = { siteId, listId };
      // A record is deleted once its label is removed, which only a locked record allows (an unlocked record's label
      // is fixed, for everyone). The index knows that the item is a record, not whether it is locked: Graph says,
      // before the decision is saved.
      let recordFile: DriveItemRef | undefined;
      if (final && behavior === 'retainAsRecord') {
        const file = await getListItemDriveItem(graph, ref, itemId);
        recordFile = { driveId: String(file.parentReference?.driveId), itemId: String(file.id) };
        const onFile = await getRetentionLabel(graph, recordFile);
        if (onFile.retentionSettings?.isRecordLocked === false)
          throw reviewError({
            code: 'unlockedRecordLabelFixed',
            status: 409,
            what: `Custodian did not dispose of ${itemName}.`,
            why: "It is an unlocked record: an unlocked record's label cannot be removed, so it cannot be deleted.",
            whatToDo: 'Lock the record (from the Custodian task pane, or Compliance details in SharePoint), then approve again.'
          });
      }
      // The eTag guard: of two decisions made on the same state, one is saved; the other reviewer is told why not.
      try {
        if (state) state = await states.update(state, saved);
        else {
          const created = await states.create(next);
          const all = await states.query({ itemKey: key });
          if (all[0].id !== created.id) {
            await states.remove(created);
            throw conflict(all[0], itemName);
          }
          state = created;
        }
      } catch (e) {
        if (e instanceof CustodianError && e.code === 'entryChanged') throw conflict((await states.query({ itemKey: key }))[0], itemName);
        throw e;
      }
      const outcome: DecisionResult['outcome'] =
        step.outcome === 'dispose'
          ? 'disposed'
          : step.outcome === 'relabel'
            ? 'relabelled'
            : step.outcome === 'extended'
              ? 'extended'
              : step.outcome === 'reviewerAdded'
                ? 'reviewerAdded'
                : 'nextStage';
      let foundAlreadyDeleted = false;
      // A record's label removed so that it can be deleted: put back if the deletion fails.
      let labelRemovedFrom: DriveItemRef | undefined;
      try {
        if (final) {
          if (recordFile) {
            await removeRetentionLabel(graph, recordFile, { itemName: entry.item.name });
            labelRemovedFrom = recordFile;
          }
          // Already gone (an earlier attempt deleted it and stopped before the register entry, or someone else
          // did): the disposal's end state holds, and the entry says the item was found deleted, not deleted now.
          await deleteListItem(graph, ref, itemId, { itemName: entry.item.name }).catch((e: unknown) => {
            if (!(e instanceof CustodianError && e.status === 404)) throw e;
            foundAlreadyDeleted = true;
          });
        } else if (step.outcome === 'relabel') {
          const file = await getListItemDriveItem(graph, ref, itemId);
          await setRetentionLabel(
            graph,
            { driveId: String(file.parentReference?.driveId), itemId: String(file.id) },
            step.review.relabelTo as string,
            { itemName: entry.item.name }
          );
        }
      } catch (e) {
        // The outcome could not be carried out: what was done is put back (the record's label, then the decision) so
        // the item stays in review as it was. What cannot be put back stays visible: a decision left 'disposing'
        // shows the item as an interrupted disposal in the queue, to be approved again.
        const labelName = entry.item.labelName;
        if (labelRemovedFrom && labelName)
          await setRetentionLabel(graph, labelRemovedFrom, labelName, { itemName: entry.item.name }).catch(() => undefined);
        const undo = found[0] ? states.update(state, found[0].value) : states.remove(state);
        await undo.catch(() => undefined);
        throw e;
      }
      const proof = await appendToRegister(
        site,
        {
          kind: 'decision',
          subject: key,
          subjectName: entry.item.name,
          action: decision.kind,
          stage: decided.stage,
          by,
          justification: decided.justification,
          outcome,
          detail: {
            label: entry.item.labelName ?? '',
            ...(decided.labelName ? { relabelTo: decided.labelName } : {}),
            ...(decided.until ? { until: decided.until } : {}),
            ...(decided.reviewer ? { reviewer: decided.reviewer } : {}),
            ...(foundAlreadyDeleted ? { deletion: 'found already deleted' } : {})
          }
        },
        at
      );
      await states.update(state, { status: final ? 'disposed' : next.status, lastSequence: proof.sequence });
      await anchorHead(proof, at, step.outcome === 'reviewerAdded' ? decided.reviewer : undefined);
      if (final || step.outcome === 'relabel') index.forget(key);
      return { outcome, review: step.review, entry: proof };
    },
    /**
     * The register verified against every anchor a trusted writer made and the tenant keeps locked (the file plan's
     * disposition reviewers write anchors too), naming the entry where the chain breaks and any anchor refused.
     */
    async verify(): Promise<RegisterVerification> {
      const reviewers = (index.facts()?.labels ?? []).flatMap((l) => l.retention?.dispositionStages.flatMap((s) => s.reviewers) ?? []);
      return verifyRegister(site, { files: await anchor.readAll(), policy: { ...options.anchor, reviewers } });
    },
    /** Anchors the current head (after hold changes, which are not anchored one by one). */
    async anchorNow(now: InstantInput): Promise<void> {
      const result = await verifyRegister(site);
      const last = result.entries[result.entries.length - 1];
      if (last) await anchor.write({ sequence: last.sequence, hash: last.hash }, stampOf(now));
    },
    /** Checks that the anchor label makes anchors records (call once, after the index has read the file plan). */
    checkAnchorLabel(): void {
      anchor.check(index.facts()?.labels ?? []);
    },
    signedIn
  };
}

export type DispositionReviewService = ReturnType<typeof createDispositionReview>;
