/** A file attached to a message, as its MIME part carries it. */
export interface MimeAttachment {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(text: string): Part {
  const match = /\r?\n\r?\n/.exec(text);
  const head = match ? text.slice(0, match.index) : text;
  const body = match ? text.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  // Unfold continuation lines (RFC 5322 §2.2.3), then one header per line.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** `value; a=1; b="x y"` -> the value and its parameters (names lower-cased). */
function parameters(header: string): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const re = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  const value = header.split(';')[0].trim().toLowerCase();
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const raw = m[2].trim();
    params.set(m[1].toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
  }
  return { value, params };
}

function decodeBytes(charset: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const binary = atob(clean.replace(/=+$/, '').padEnd(Math.ceil(clean.replace(/=+$/, '').length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function quotedPrintableBytes(text: string): Uint8Array {
  const out: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...new TextEncoder().encode(c));
  }
  return Uint8Array.from(out);
}

/** RFC 2047 encoded words (`=?UTF-8?B?...?=`, `=?utf-8?Q?...?=`) in a header value. */
function decodeWords(text: string): string {
  return text.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)?/g, (_m, charset: string, enc: string, data: string) =>
    decodeBytes(charset, enc.toUpperCase() === 'B' ? base64Bytes(data) : quotedPrintableBytes(data.replace(/_/g, ' ')))
  );
}

/** The file name from `filename*` (RFC 2231, possibly in numbered pieces), `filename` or `name`. */
function fileNameOf(disposition: Map<string, string>, type: Map<string, string>): string | undefined {
  for (const params of [disposition, type]) {
    const key = params === disposition ? 'filename' : 'name';
    const pieces = [...params.keys()]
      .filter((k) => k === `${key}*` || new RegExp(`^${key}\\*\\d+\\*?$`).test(k))
      .sort((a, b) => Number(a.split('*')[1] || 0) - Number(b.split('*')[1] || 0));
    if (pieces.length) {
      const joined = pieces.map((k) => params.get(k) ?? '').join('');
      const m = /^([^']*)'[^']*'(.*)$/.exec(joined);
      const bytes = Uint8Array.from(
        (m ? m[2] : joined).replace(/%([0-9A-Fa-f]{2})|[\s\S]/g, (x, hex: string | undefined) =>
          String.fromCharCode(hex ? parseInt(hex, 16) : x.charCodeAt(0))
        ),
        (c) => c.charCodeAt(0)
      );
      return decodeBytes(m ? m[1] : 'utf-8', bytes);
    }
    const plain = params.get(key);
    if (plain) return decodeWords(plain);
  }
  return undefined;
}

function collect(text: string, out: MimeAttachment[], depth: number): void {
  if (depth > 10) return;
  const part = splitPart(text);
  const type = parameters(part.headers.get('content-type') ?? 'text/plain');
  if (type.value.startsWith('multipart/')) {
    const boundary = type.params.get('boundary');
    if (!boundary) return;
    const lines = part.body.split(/\r?\n/);
    let current: string[] | undefined;
    for (const line of lines) {
      if (line === `--${boundary}` || line === `--${boundary}--`) {
        if (current) collect(current.join('\r\n'), out, depth + 1);
        current = line.endsWith('--') && line !== `--${boundary}` ? undefined : [];
        if (line === `--${boundary}--`) break;
      } else current?.push(line);
    }
    return;
  }
  const disposition = parameters(part.headers.get('content-disposition') ?? '');
  const fileName = fileNameOf(disposition.params, type.params);
  if (disposition.value !== 'attachment' && !(fileName && disposition.value !== 'inline')) return;
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? base64Bytes(part.body)
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(part.body)
        : new TextEncoder().encode(part.body);
  out.push({ fileName: fileName ?? `attachment-${out.length + 1}`, contentType: type.value, bytes });
}

/**
 * The attachments of a message from its MIME (RFC 2045-2047, 2183, 2231): every part marked `attachment`, or
 * carrying a file name and not marked `inline`, decoded from base64 or quoted-printable. Pure: no request (the
 * MIME is already read to file the message), so large attachments cost nothing more.
 */
export function parseMimeAttachments(mime: string): MimeAttachment[] {
  const out: MimeAttachment[] = [];
  collect(mime, out, 0);
  return out;
}
