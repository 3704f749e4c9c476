import type { ReviewDecision } from './createDispositionReview';
import type { DispositionDeps } from './DispositionDeps';

export interface DecideRequest {
  keys: readonly string[];
  /** The signed-in user decides. */
  decision: ReviewDecision;
}

export type DecisionOutcome =
  | {
      key: string;
      name: string;
      ok: true;
      outcome: 'nextStage' | 'disposed' | 'relabelled' | 'extended' | 'reviewerAdded';
      /** The proof register entry the decision added. */
      sequence: number;
    }
  | { key: string; name: string; ok: false; error: unknown };

export interface DecideOptions {
  /** Called as each decision is made, so a long batch shows its progress. */
  onResult?(result: DecisionOutcome): void;
}

/**
 * Records one decision per item, one after another. A refused decision (on hold, not in the queue, a conflict) is
 * reported in its outcome, not thrown, and the next item is decided.
 */
export async function decideDispositions(
  deps: DispositionDeps,
  request: DecideRequest,
  options: DecideOptions = {}
): Promise<DecisionOutcome[]> {
  const { workspace, memory } = deps;
  const s = await workspace.ready();
  const results: DecisionOutcome[] = [];
  for (const key of request.keys) {
    const name = s.index.entry(key)?.item.name ?? memory.items.get(key)?.name ?? key;
    let result: DecisionOutcome;
    try {
      const decided = await s.review.decide(key, request.decision, await workspace.now());
      result = { key, name, ok: true, outcome: decided.outcome, sequence: decided.entry.sequence };
    } catch (error) {
      result = { key, name, ok: false, error };
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
