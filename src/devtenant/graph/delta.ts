import { errors } from '../errors';
import type { Ctx } from '../http/context';
import { linkKeepingQuery, topOption } from '../http/query';
import { base64UrlDecode, base64UrlEncode } from '../protocol/urlEncoding';
import { changesOfListBetween, type ItemMeta, itemsOfListAfter } from '../store/items';

/**
 * Delta paging shared by `GET /drives/{d}/root/delta` and `GET /sites/{s}/lists/{l}/items/delta`
 * (https://learn.microsoft.com/graph/api/driveitem-delta, .../listitem-delta).
 *
 * A round of changes covers the change numbers `(since, upTo]`, `upTo` being the last change number when the
 * round began. Without a token (`since` = 0) the round enumerates every live item in item-number order
 * (index `items_num`): an item's number never changes, so each item is visited exactly once even when items
 * change between pages, and items created meanwhile come at the end. With a deltaLink's token the round walks
 * the changes in change-number order (index `items_seq`). Either way the page token carries the round's bounds
 * and the cursor (the last number returned), so a page reads only the rows it returns. What changes during a
 * round has a change number above `upTo` and is reported again by the next round, so nothing is lost.
 *
 * Links keep the request's own query options (`$expand`, `$select`, `$top`), as Graph encodes them into the
 * `@odata.nextLink` and `@odata.deltaLink` it hands out (https://learn.microsoft.com/graph/delta-query-overview).
 */

/** Position of a round: changes in `(since, upTo]`, the cursor past `after` (an item number or a change number). */
interface Round {
  since: number;
  upTo: number;
  after: number;
}

export interface DeltaPage {
  /** This page's items, in enumeration order; deleted ones (rounds with a token only) have `deleted = 1`. */
  rows: ItemMeta[];
  /** The first page of a full enumeration (the drive puts its root first). */
  firstOfFull: boolean;
  /** The URL for the next page, or (exactly one of the two) the deltaLink ending the round. */
  nextLink?: string;
  deltaLink?: string;
}

/** The token of a deltaLink: the change number the next round starts after. */
export function encodeDeltaToken(seq: number): string {
  return base64UrlEncode(`dt:${seq}`);
}

function encodePageToken(round: Round): string {
  return base64UrlEncode(`dp:${round.since}:${round.upTo}:${round.after}`);
}

/** `latest`, a deltaLink's token, a nextLink's token, or undefined for anything else (410 resyncRequired). */
function decodeToken(token: string): 'latest' | { seq: number } | Round | undefined {
  if (token === 'latest') return 'latest';
  const text = base64UrlDecode(token);
  if (text === undefined) return undefined;
  const link = /^dt:(\d{1,15})$/.exec(text);
  if (link) return { seq: Number(link[1]) };
  const page = /^dp:(\d{1,15}):(\d{1,15}):(\d{1,15})$/.exec(text);
  if (!page) return undefined;
  const round = { since: Number(page[1]), upTo: Number(page[2]), after: Number(page[3]) };
  return round.since <= round.upTo ? round : undefined;
}

/**
 * Reads one page of a list's (or drive's) delta for the request in `ctx`, whose path is `base` (canonical, no
 * query). `token=latest` answers no rows and the current deltaLink; a token the dev tenant did not issue is a
 * 410 `resyncRequired` whose `Location` starts a fresh enumeration with the same options.
 */
export function readDeltaPage(ctx: Ctx, listId: string, base: string): DeltaPage {
  const token = ctx.query.get('token');
  const pageSize = topOption(ctx, 999) ?? 200;
  const decoded = token === undefined ? { seq: 0 } : decodeToken(token);
  if (decoded === undefined)
    throw errors.gone('The delta token is not valid; start again without a token.', linkKeepingQuery(ctx, base, { token: undefined }));
  const lastSeq = ctx.tenant.lastSeq();
  const link = (t: string): string => linkKeepingQuery(ctx, base, { token: t });
  if (decoded === 'latest') return { rows: [], firstOfFull: false, deltaLink: link(encodeDeltaToken(lastSeq)) };
  // A token from beyond the last change was issued before a reset: this history cannot continue it.
  if (('seq' in decoded ? decoded.seq : decoded.upTo) > lastSeq)
    throw errors.gone(
      'The delta token is no longer valid; start again without a token.',
      linkKeepingQuery(ctx, base, { token: undefined })
    );
  const round: Round = 'seq' in decoded ? { since: decoded.seq, upTo: lastSeq, after: decoded.seq } : decoded;
  const full = round.since === 0;
  const firstOfFull = full && 'seq' in decoded;
  const db = ctx.tenant.db;
  // One row more than the page tells whether another page follows.
  const found = full
    ? itemsOfListAfter(db, listId, round.after, pageSize + 1)
    : changesOfListBetween(db, listId, round.after, round.upTo, pageSize + 1);
  const rows = found.slice(0, pageSize);
  if (found.length <= pageSize) return { rows, firstOfFull, deltaLink: link(encodeDeltaToken(round.upTo)) };
  const last = rows[rows.length - 1];
  return { rows, firstOfFull, nextLink: link(encodePageToken({ ...round, after: full ? last.num : last.seq })) };
}
