import { errors } from '../errors';

/**
 * Who may talk to the dev tenant. It has no sign-in of its own (`/devtenant/token` hands out any persona's
 * token), so what keeps a web page open in the same browser away from it is the browser's same-origin policy,
 * and that only holds when the dev tenant checks what the browser tells it:
 * - `Host`: a page on `evil.example` whose DNS name is re-pointed at 127.0.0.1 (DNS rebinding) is same-origin
 *   with itself, so it could read any answer, an admin token included; its requests still carry
 *   `Host: evil.example`. Every route (Graph, SharePoint REST, control) answers only loopback names.
 * - `Origin` and `Sec-Fetch-Site`: a cross-origin page can send a "simple" request (a `text/plain` POST, a form
 *   post) without a CORS preflight; it cannot read the answer, but the reset, the clock move or the planted mail
 *   would still happen. Browsers send `Origin` with every POST, PUT, PATCH and DELETE
 *   (https://fetch.spec.whatwg.org/#origin-header) and `Sec-Fetch-Site` with every request to a loopback origin
 *   (https://w3c.github.io/webappsec-fetch-metadata/); scripts and curl send neither.
 * - `Content-Type`: control writes take `application/json`, which a page on another origin can only send after
 *   a preflight the dev tenant never grants: a second lock should a browser omit `Origin`.
 */

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/** The `Host` values a request to this server may carry: each loopback name with the public origin's port. */
export function allowedHosts(publicOrigin: string): string[] {
  const url = new URL(publicOrigin);
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  const ports = url.port === '' ? ['', `:${defaultPort}`] : [`:${url.port}`];
  const hosts = loopbackNames.flatMap((name) => ports.map((port) => `${name}${port}`));
  return [...new Set([url.host.toLowerCase(), ...hosts])];
}

function shown(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}...` : value;
}

/** Refuses a request whose `Host` is not a loopback name of this server (DNS rebinding). */
export function checkHost(host: string | undefined, publicOrigin: string): void {
  const allowed = allowedHosts(publicOrigin);
  if (host !== undefined && allowed.includes(host.toLowerCase())) return;
  throw errors.forbidden(
    `The dev tenant answers only requests addressed to a loopback name (${allowed.join(', ')}); this one is ` +
      `addressed to '${shown(host ?? '(no Host header)')}'. Open ${publicOrigin} itself: another name that points ` +
      'at this computer is refused, so that a web page cannot read the dev tenant through it (DNS rebinding).',
    'hostNotAllowed'
  );
}

/** The media type without parameters (`application/json; charset=utf-8` is `application/json`). */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * What inbound mail may be labelled: MIME itself, or what a script's `fetch` calls a string. Form encodings are
 * refused: an HTML form on another page would send them.
 */
const mimeTypes = ['', 'message/rfc822', 'text/plain', 'application/octet-stream'];

/** What a control write's body must be: JSON, except the routes that take bytes or MIME by nature. */
function bodyRule(path: string): 'json' | 'mime' | 'bytes' {
  if (/^\/devtenant\/upload\//i.test(path)) return 'bytes';
  if (/^\/devtenant\/mail\/?$/i.test(path)) return 'mime';
  return 'json';
}

/**
 * Refuses a control request (`/devtenant/*`) from a page of another origin, and a control write whose body is
 * not what the route takes. `host` has passed `checkHost`, so `scheme://host` is the origin the request was
 * addressed to: a page of that origin, or of the public origin, is the server's own.
 */
export function checkControlRequest(method: string, path: string, headers: Record<string, string>, publicOrigin: string): void {
  const own = [publicOrigin.toLowerCase(), `${new URL(publicOrigin).protocol}//${(headers['host'] ?? '').toLowerCase()}`];
  const origin = headers['origin'];
  if (origin !== undefined && !own.includes(origin.toLowerCase()))
    throw errors.forbidden(
      `The dev tenant's control routes answer only pages of its own origin (${publicOrigin}); this request comes ` +
        `from '${shown(origin)}'. Call them from a page that ${publicOrigin} serves, or from a script or curl.`,
      'crossOriginRequest'
    );
  const site = (headers['sec-fetch-site'] ?? '').toLowerCase();
  if (site === 'cross-site' || site === 'same-site')
    throw errors.forbidden(
      `The dev tenant's control routes answer only pages of its own origin (${publicOrigin}); the browser says ` +
        `this request comes from a ${site} page. Call them from a page that ${publicOrigin} serves.`,
      'crossOriginRequest'
    );
  if (method === 'GET' || method === 'HEAD') return;
  const rule = bodyRule(path);
  const type = headers['content-type'];
  if (rule === 'mime' && !mimeTypes.includes(mediaType(type)))
    throw errors.forbidden(
      `Inbound mail takes the message as MIME: send 'Content-Type: message/rfc822', not '${shown(type ?? '')}'.`,
      'unsupportedContentType'
    );
  if (rule === 'json' && mediaType(type) !== 'application/json')
    throw errors.forbidden(
      `The dev tenant's control routes take their body as JSON: send 'Content-Type: application/json' ` +
        `(an empty body is fine)${type === undefined ? '' : `, not '${shown(type)}'`}.`,
      'unsupportedContentType'
    );
}
