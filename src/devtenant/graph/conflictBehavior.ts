import { errors } from '../errors';
import type { Ctx } from '../http/context';

/** What happens when an upload or a new folder meets an item of the same name (`@microsoft.graph.conflictBehavior`). */
export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export function conflictBehavior(ctx: Ctx, fallback: ConflictBehavior): ConflictBehavior {
  const v = ctx.query.get('@microsoft.graph.conflictBehavior');
  if (v === undefined) return fallback;
  if (v !== 'fail' && v !== 'replace' && v !== 'rename')
    throw errors.badRequest(`Invalid @microsoft.graph.conflictBehavior '${v}'; use fail, replace or rename.`);
  return v;
}
