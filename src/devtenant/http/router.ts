import type { Segment } from '../protocol/requestPath';
import type { Ctx, Reply } from './context';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Params = Record<string, string>;

/** One REST operation: the scopes it needs (any one of them, least privileged first) and its handler. */
export interface Operation {
  /** Any one of these delegated scopes is enough (Microsoft's "least privileged" column first); 'none' = anonymous. */
  scopes: readonly string[] | 'none';
  /** Query options the operation supports; any other is refused with 400. */
  query?: readonly string[];
  /** The permissions table says "Application: Not supported": an app-only token is refused. */
  delegatedOnly?: boolean;
  run(ctx: Ctx, params: Params): Reply;
}

export interface Route {
  /** Segments separated by `/`: literals (case-insensitive), `{name}` for one segment, `{name:path}` for a colon path. */
  pattern: string;
  ops: Partial<Record<Method, Operation>>;
}

interface CompiledRoute {
  route: Route;
  parts: { literal?: string; param?: string; path?: boolean }[];
}

export class Router {
  private readonly compiled: CompiledRoute[];
  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({
      route,
      // The empty pattern is the prefix itself (`GET /devtenant`): no segments.
      parts: (route.pattern === '' ? [] : route.pattern.split('/')).map((p) => {
        const m = /^\{(\w+)(:path)?\}$/.exec(p);
        if (m) return { param: m[1], path: !!m[2] };
        return { literal: p.toLowerCase() };
      })
    }));
  }

  match(segments: readonly Segment[]): { route: Route; params: Params } | undefined {
    for (const c of this.compiled) {
      if (c.parts.length !== segments.length) continue;
      const params: Params = {};
      let ok = true;
      for (let i = 0; i < c.parts.length && ok; i++) {
        const part = c.parts[i];
        const seg = segments[i];
        if (part.literal !== undefined) ok = seg.kind === 'name' && seg.value.toLowerCase() === part.literal;
        else if (part.path) {
          ok = seg.kind === 'path';
          if (ok) params[part.param as string] = seg.value;
        } else {
          ok = seg.kind === 'name' && seg.value !== '';
          if (ok) params[part.param as string] = seg.value;
        }
      }
      if (ok) return { route: c.route, params };
    }
    return undefined;
  }
}
