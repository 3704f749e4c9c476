import crypto from 'node:crypto';
import { tenantDomain } from '../auth/personas';
import { errors, ServiceError } from '../errors';
import { type Ctx, json, jsonBody, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, odataContext, pageCollection, selectOption } from '../http/query';
import { evaluateFilter, FilterSyntaxError, parseFilter } from '../protocol/odataFilter';
import { mimeHeaderValue } from '../protocol/textEscaping';
import { quoteODataString } from '../protocol/odataLiteral';
import { resolveUser } from './users';

/**
 * Outlook messages (https://learn.microsoft.com/graph/api/resources/message): list, get, create from MIME, PATCH
 * categories and single-value extended properties, and the MIME stream (`$value`).
 */

interface MessageRow {
  id: string;
  user_id: string;
  received: string;
  data: string;
  categories: string;
  ext: string;
  version: number;
}

const readScopes = ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'] as const;
const bodyScopes = ['Mail.Read', 'Mail.ReadWrite'] as const;
const writeScopes = ['Mail.ReadWrite'] as const;
const sharedScopes = ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'] as const;

function etag(m: MessageRow): string {
  return `W/"CQAAABYAAAD${Buffer.from(`${m.id.slice(-8)}:${m.version}`).toString('base64url')}"`;
}

/** `singleValueExtendedProperties($filter=id eq '...')`, the only `$expand` messages support here. */
function extendedExpand(ctx: Ctx): ((p: { id: string; value: string }) => boolean) | undefined {
  const v = ctx.query.get('$expand');
  if (v === undefined) return undefined;
  const m = /^singleValueExtendedProperties(?:\(\$filter=(.+)\))?$/i.exec(v.trim());
  if (!m) throw errors.unsupportedQuery(`Expanding '${v}' is not supported on messages by the dev tenant.`);
  if (!m[1])
    throw errors.badRequest("Expanding singleValueExtendedProperties needs a $filter on id, e.g. ($filter=id eq 'String {guid} Name x').");
  try {
    const f = parseFilter(m[1]);
    return (p) => evaluateFilter(f, p);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw errors.badRequest(`Invalid filter in $expand: ${e.message}`);
    throw e;
  }
}

/** Where a message made from MIME keeps the MIME it was made from (base64), returned as is by `$value`. */
const mimeKey = '@devtenant.mime';

/** A seeded message's attachments (`{ name, contentType, contentBase64 }`), which `$value` writes as MIME parts. */
export const seededAttachmentsKey = '@devtenant.attachments';

export interface SeededAttachment {
  name: string;
  contentType: string;
  contentBase64: string;
}

export function messageRepresentation(m: MessageRow, ext?: (p: { id: string; value: string }) => boolean): Record<string, unknown> {
  const data = JSON.parse(m.data) as Record<string, unknown>;
  delete data[mimeKey];
  delete data[seededAttachmentsKey];
  const out: Record<string, unknown> = {
    '@odata.etag': etag(m),
    // Properties every Inbox message has in Graph (message-get); the seed does not model them.
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    inferenceClassification: 'focused',
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
    ...data,
    categories: JSON.parse(m.categories) as string[],
    changeKey: etag(m).slice(3, -1)
  };
  if (ext) {
    const props = Object.entries(JSON.parse(m.ext) as Record<string, string>).map(([id, value]) => ({ id, value }));
    out.singleValueExtendedProperties = props.filter(ext);
  }
  return out;
}

function mailbox(ctx: Ctx, p: Record<string, string>, write: boolean): string {
  const shared = write ? ['Mail.ReadWrite.Shared'] : sharedScopes;
  return resolveUser(ctx, p.userId, shared).id;
}

function loadMessage(ctx: Ctx, p: Record<string, string>, write: boolean): MessageRow {
  const owner = mailbox(ctx, p, write);
  const row = ctx.tenant.db.prepare('SELECT * FROM messages WHERE id = ? AND user_id = ?').get(p.messageId, owner) as
    MessageRow | undefined;
  if (!row) throw errors.notFound('The specified object was not found in the store.');
  return row;
}

function list(ctx: Ctx, p: Record<string, string>): Reply {
  const owner = mailbox(ctx, p, false);
  const ext = extendedExpand(ctx);
  const rows = (ctx.tenant.db.prepare('SELECT * FROM messages WHERE user_id = ? ORDER BY received DESC').all(owner) as MessageRow[]).map(
    (m) => messageRepresentation(m, ext)
  );
  return json(pageCollection(ctx, rows, { defaultPageSize: 10, maxPageSize: 1000, keep: ['id', 'singleValueExtendedProperties'] }));
}

function get(ctx: Ctx, p: Record<string, string>): Reply {
  const m = loadMessage(ctx, p, false);
  const select = selectOption(ctx);
  const rep = messageRepresentation(m, extendedExpand(ctx));
  rep.webLink = `${ctx.origin}/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`;
  const context = odataContext(ctx, `users(${quoteODataString(m.user_id)})/messages${select ? `(${select.join(',')})` : ''}/$entity`);
  return json({ '@odata.context': context, ...applySelect(rep, select, ['id', 'singleValueExtendedProperties']) });
}

const extIdPattern =
  /^(String|Integer|Boolean|SystemTime|Binary|Long|Double|Guid|Short|Float|Currency|ApplicationTime)\s+(\{[0-9a-fA-F-]{36}\}\s+(Name\s+\S.*|Id\s+0x[0-9a-fA-F]{1,4})|0x[0-9a-fA-F]{1,4})$/;

/** PATCH: categories, isRead and single-value extended properties; other properties are refused. */
function patch(ctx: Ctx, p: Record<string, string>): Reply {
  const m = loadMessage(ctx, p, true);
  const body = jsonBody(ctx);
  const data = JSON.parse(m.data) as Record<string, unknown>;
  let categories = JSON.parse(m.categories) as string[];
  const ext = JSON.parse(m.ext) as Record<string, string>;
  for (const [key, value] of Object.entries(body)) {
    if (key === 'categories') {
      if (!Array.isArray(value) || value.some((c) => typeof c !== 'string' || c.length > 255))
        throw errors.badRequest("'categories' must be an array of strings.");
      categories = [...new Set(value as string[])];
    } else if (key === 'isRead') {
      if (typeof value !== 'boolean') throw errors.badRequest("'isRead' must be true or false.");
      data.isRead = value;
    } else if (key === 'singleValueExtendedProperties') {
      if (!Array.isArray(value)) throw errors.badRequest("'singleValueExtendedProperties' must be an array of { id, value }.");
      for (const prop of value as Record<string, unknown>[]) {
        if (!prop || typeof prop.id !== 'string' || !extIdPattern.test(prop.id.trim()))
          throw errors.badRequest(`'${String(prop?.id)}' is not a valid extended property id.`);
        if (typeof prop.value !== 'string') throw errors.badRequest('An extended property value must be a string.');
        ext[prop.id.trim()] = prop.value;
      }
    } else
      throw errors.notImplemented(
        `updating the message property '${key}' (categories, isRead and singleValueExtendedProperties are served)`
      );
  }
  data.lastModifiedDateTime = ctx.tenant.clock.nowIso();
  ctx.tenant.db
    .prepare('UPDATE messages SET data = ?, categories = ?, ext = ?, version = version + 1 WHERE id = ?')
    .run(JSON.stringify(data), JSON.stringify(categories), JSON.stringify(ext), m.id);
  return json(messageRepresentation(ctx.tenant.db.prepare('SELECT * FROM messages WHERE id = ?').get(m.id) as MessageRow));
}

/** The message as RFC 5322 MIME (`text/plain`), as `GET .../$value` returns it. */
function mime(ctx: Ctx, p: Record<string, string>): Reply {
  const m = loadMessage(ctx, p, false);
  const stored = (JSON.parse(m.data) as Record<string, unknown>)[mimeKey];
  if (typeof stored === 'string') return { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from(stored, 'base64') };
  const d = JSON.parse(m.data) as {
    subject: string;
    from: { emailAddress: { name: string; address: string } };
    toRecipients: { emailAddress: { name: string; address: string } }[];
    sentDateTime: string;
    internetMessageId: string;
    body: { content: string };
    [seededAttachmentsKey]?: SeededAttachment[];
  };
  const addr = (a: { name: string; address: string }): string => `${mimeHeaderValue(a.name)} <${a.address.replace(/[<>\r\n]/g, '')}>`;
  const ext = JSON.parse(m.ext) as Record<string, string>;
  const labels = ext['String {00020386-0000-0000-C000-000000000046} Name msip_labels'];
  const lines = [
    `From: ${addr(d.from.emailAddress)}`,
    `To: ${d.toRecipients.map((r) => addr(r.emailAddress)).join(', ')}`,
    `Subject: ${mimeHeaderValue(d.subject)}`,
    `Date: ${new Date(d.sentDateTime).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${d.internetMessageId.replace(/[\r\n]/g, '')}`,
    ...(labels ? [`msip_labels: ${mimeHeaderValue(labels)}`] : []),
    'MIME-Version: 1.0'
  ];
  const base64Lines = (b64: string): string => b64.replace(/(.{76})/g, '$1\r\n');
  const text = [
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(d.body.content, 'utf8').toString('base64'))
  ];
  const attachments = d[seededAttachmentsKey] ?? [];
  if (attachments.length === 0) lines.push(...text, '');
  else {
    // RFC 2046 multipart/mixed: the text first, then each attachment as a part of its own.
    const boundary = `=_devtenant_${m.id.slice(-12)}`;
    lines.push(`Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, ...text);
    for (const a of attachments) {
      const name = mimeHeaderValue(a.name).replace(/"/g, '');
      lines.push(
        `--${boundary}`,
        `Content-Type: ${a.contentType}; name="${name}"`,
        `Content-Disposition: attachment; filename="${name}"`,
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(a.contentBase64)
      );
    }
    lines.push(`--${boundary}--`, '');
  }
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: lines.join('\r\n') };
}

/** RFC 2047 encoded words (`=?utf-8?B?...?=`, `=?utf-8?Q?...?=`) in a header value, decoded. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)?/g, (_m, charset: string, enc: string, data: string) => {
    const bytes =
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1'
          );
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      return bytes.toString('utf8');
    }
  });
}

/** `Name <a@b>, "Last, First" <c@d>, e@f` -> Graph recipients. */
function recipients(value: string | undefined): { emailAddress: { name: string; address: string } }[] {
  if (!value) return [];
  return (value.match(/(?:"(?:[^"\\]|\\.)*"|[^,"])+/g) ?? [])
    .map((one) => {
      const m = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(one);
      const address = (m ? m[2] : one).trim();
      const name = m ? decodeWords(m[1].replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1')) : '';
      return { emailAddress: { name: name || address, address } };
    })
    .filter((r) => r.emailAddress.address);
}

/**
 * Stores a message made from RFC 5322 MIME in `owner`'s mailbox: the headers Graph maps (From, To, Cc, Subject,
 * Date, Message-ID) become the message's properties, and `$value` returns the MIME exactly as given. Exchange gives
 * a message without a Message-ID one of its own.
 */
export function insertMimeMessage(ctx: Ctx, owner: string, raw: Buffer, draft: boolean): Record<string, unknown> {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !headers.has(line.slice(0, colon).trim().toLowerCase()))
      headers.set(line.slice(0, colon).trim().toLowerCase(), Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8'));
  }
  const now = ctx.tenant.clock.nowIso();
  const date = headers.get('date') ? new Date(headers.get('date')!) : undefined;
  const sent = date && !Number.isNaN(date.getTime()) ? date.toISOString().replace(/\.\d+Z$/, 'Z') : now;
  const id = `AAMkAG${crypto.randomBytes(45).toString('base64url')}`;
  const from = recipients(headers.get('from'))[0];
  const subject = decodeWords(headers.get('subject') ?? '');
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  const data = {
    id,
    subject,
    bodyPreview: '',
    body: { contentType: 'text', content: '' },
    ...(from ? { from, sender: from } : {}),
    toRecipients: recipients(headers.get('to')),
    ccRecipients: recipients(headers.get('cc')),
    receivedDateTime: now,
    sentDateTime: sent,
    createdDateTime: now,
    lastModifiedDateTime: now,
    internetMessageId: headers.get('message-id') ?? `<${crypto.randomUUID().replace(/-/g, '').toUpperCase()}@${tenantDomain}>`,
    conversationId: `AAQkAG${crypto.randomBytes(24).toString('base64url')}`,
    hasAttachments: type.startsWith('multipart/mixed') && /^content-disposition:\s*attachment/im.test(text),
    importance: 'normal',
    isRead: draft,
    isDraft: draft,
    parentFolderId: draft ? 'drafts' : 'inbox',
    [mimeKey]: raw.toString('base64')
  };
  ctx.tenant.db
    .prepare('INSERT INTO messages (id, user_id, received, data, categories, ext, version) VALUES (?, ?, ?, ?, ?, ?, 1)')
    .run(id, owner, now, JSON.stringify(data), '[]', '{}');
  return messageRepresentation(ctx.tenant.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow);
}

/**
 * `POST .../messages` with `Content-Type: text/plain`: a draft from base64 MIME (user-post-messages, example 3).
 * JSON drafts are not served. Malformed base64 is Graph's `400 ErrorMimeContentInvalidBase64String`.
 */
function create(ctx: Ctx, p: Record<string, string>): Reply {
  const owner = mailbox(ctx, p, true);
  const type = (ctx.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('text/plain')) throw errors.notImplemented('creating a message from JSON (send its MIME as text/plain, base64)');
  const b64 = ctx.body.toString('latin1').replace(/\s+/g, '');
  if (!b64 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0)
    throw new ServiceError({
      status: 400,
      code: 'ErrorMimeContentInvalidBase64String',
      message: 'Invalid base64 string for MIME content.'
    });
  const rep = insertMimeMessage(ctx, owner, Buffer.from(b64, 'base64'), true);
  return json({ '@odata.context': odataContext(ctx, `users(${quoteODataString(owner)})/messages/$entity`), ...rep }, 201);
}

const routesFor = (prefix: string): Route[] => [
  {
    pattern: `${prefix}/messages`,
    ops: {
      GET: { scopes: readScopes, query: ['$select', '$filter', '$top', '$orderby', '$skiptoken', '$expand'], run: list },
      POST: { scopes: writeScopes, run: create }
    }
  },
  {
    pattern: `${prefix}/messages/{messageId}`,
    ops: { GET: { scopes: readScopes, query: ['$select', '$expand'], run: get }, PATCH: { scopes: writeScopes, run: patch } }
  },
  { pattern: `${prefix}/messages/{messageId}/$value`, ops: { GET: { scopes: bodyScopes, run: mime } } }
];

export const messageRoutes: readonly Route[] = [...routesFor('me'), ...routesFor('users/{userId}')];
