import type { Ctx, Reply } from '../http/context';
import { dispatch, errorReply } from '../http/dispatch';
import { ServiceError } from '../errors';
import { type Route, Router } from '../http/router';
import { canonicalise } from './addressing';
import { batchRoutes } from './batch';
import { driveItemRoutes } from './driveItems';
import { itemRetentionLabelRoutes } from './itemRetentionLabel';
import { listItemRoutes } from './listItems';
import { listRoutes } from './lists';
import { oneDriveRoutes } from './oneDrive';
import { sensitivityAssignmentRoutes } from './sensitivityAssignment';
import { siteRoutes } from './sites';
import { uploadSessionRoutes } from './uploadSessions';
import { filePlanRoutes } from './retentionLabels';
import { sensitivityLabelRoutes } from './sensitivityLabels';
import { retentionEventRoutes } from './retentionEvents';
import { ediscoveryRoutes } from './ediscovery';
import { userRoutes } from './users';
import { messageRoutes } from './messages';
import { searchRoutes } from '../search/searchQuery';

/** Every Graph operation the dev tenant serves, under `/v1.0` and `/beta` alike. */
export const graphRoutes: readonly Route[] = [
  ...siteRoutes,
  // Before listRoutes: its drive routes answer document libraries only; these answer OneDrives too.
  ...oneDriveRoutes,
  ...listRoutes,
  ...listItemRoutes,
  ...driveItemRoutes,
  ...uploadSessionRoutes,
  ...itemRetentionLabelRoutes,
  ...sensitivityAssignmentRoutes,
  ...filePlanRoutes,
  ...sensitivityLabelRoutes,
  ...retentionEventRoutes,
  ...ediscoveryRoutes,
  ...userRoutes,
  ...messageRoutes,
  ...searchRoutes,
  ...batchRoutes((sub) => dispatchGraph(sub))
];

const graphRouter = new Router(graphRoutes);

function describe(ctx: Ctx): string {
  return `'/${ctx.version}/${ctx.segments.map((s) => (s.kind === 'path' ? `:${s.value}:` : s.value)).join('/')}'`;
}

/** Routes one Graph request (top level or inside `$batch`) after resolving address aliases. */
export function dispatchGraph(ctx: Ctx): Reply {
  // Graph answers /me for an app-only token with this 400 (there is no signed-in user to stand for).
  const first = ctx.segments[0];
  if (ctx.principal?.appOnly && first?.kind === 'name' && first.value.toLowerCase() === 'me')
    return errorReply(
      ctx,
      new ServiceError({ status: 400, code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' })
    );
  return dispatch(ctx, graphRouter, describe(ctx), canonicalise);
}
