import { base64UrlEncode } from '../../../src/core/http/base64UrlEncode';
import { encodePathSegment } from '../../../src/core/http/encodePathSegment';
import { encodeQueryValue } from '../../../src/core/http/encodeQueryValue';
import { kqlPhrase, kqlPropertyCompare, kqlPropertyMatch, kqlPropertyPrefix } from '../../../src/core/http/escapeKql';
import { encodeODataString, quoteODataString } from '../../../src/core/http/quoteODataString';
import { encodeSharingUrl } from '../../../src/core/graph/shares/encodeSharingUrl';

/** Names with every character that breaks a protocol string, plus newlines, emoji, right-to-left text and 400 characters. */
const hostile = [
  `O'Brien's "quoted" #1 50% & a+b=c / d \\ e < f > g`,
  'line one\nline two\r\nline three',
  'Résumé 🚀 final 👩🏽‍💻',
  'تقرير الميزانية ‏2023‏ عربي',
  "''''",
  'x'.repeat(400),
  `${"'".repeat(3)}${'é'.repeat(397)}`
];

/** The inverse of the OData literal grammar, written independently of the helper. */
function unquote(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  expect(body.replace(/''/g, '')).not.toContain("'");
  return body.replace(/''/g, "'");
}

describe('quoteODataString', () => {
  it.each(hostile)('round-trips %j through quoting and URL encoding', (value) => {
    expect(unquote(quoteODataString(value))).toBe(value);
    const inUrl = encodeODataString(value);
    expect(inUrl).not.toMatch(/[\s#&+/\\<>"?]/);
    expect(unquote(decodeURIComponent(inUrl))).toBe(value);
    // Survives a URL parser as a query value.
    const u = new URL(`https://example.invalid/x?$filter=name eq ${inUrl}`);
    expect(unquote(u.searchParams.get('$filter')!.slice('name eq '.length))).toBe(value);
  });

  it('doubles quotes', () => expect(quoteODataString("it's")).toBe("'it''s'"));
});

describe('KQL', () => {
  it.each(hostile)('keeps %j inside one phrase', (value) => {
    const phrase = kqlPhrase(value);
    expect(phrase.startsWith('"') && phrase.endsWith('"')).toBe(true);
    expect(phrase.slice(1, -1)).not.toMatch(/["\r\n]/);
    expect(phrase.length).toBe(value.length + 2);
  });

  it('refuses a property name that is not an identifier', () => {
    expect(kqlPropertyMatch('ComplianceTag', 'HR "7"')).toBe('ComplianceTag:"HR  7 "');
    expect(() => kqlPropertyMatch('Title OR x', 'y')).toThrow(RangeError);
  });

  it('turns a quote and every control or line-breaking character into a space, and nothing else', () => {
    // Tab, DEL, U+2028 and U+2029 (line and paragraph separators), NUL and US (the ends of C0).
    expect(kqlPhrase('a\tb\u007fc\u2028d\u2029e\u0000f\u001fg"h')).toBe('"a b c d e f g h"');
    expect(kqlPhrase("Board's Q1: 50% (draft) -x AND y*")).toBe('"Board\'s Q1: 50% (draft) -x AND y "');
  });

  // Inside a phrase KQL reads `*` as the prefix wildcard (KQL syntax reference, "Wildcard operator"): a value ending
  // in * would match every word it starts, and the dev tenant refuses a * before the end as Microsoft Search does.
  it('never lets a value become a wildcard, and writes a prefix only when asked', () => {
    expect(kqlPhrase('INV-*')).toBe('"INV- "');
    expect(kqlPhrase('a*b')).toBe('"a b"');
    expect(kqlPropertyPrefix('Title', "O'Brien inv")).toBe('Title:"O\'Brien inv*"');
    expect(kqlPropertyPrefix('Title', 'inv* \n')).toBe('Title:"inv*"');
    expect(kqlPropertyCompare('Created', '>=', '2024-05-01T00:00:00.000Z')).toBe('Created>=2024-05-01T00:00:00.000Z');
    expect(() => kqlPropertyCompare('Created', '>=', '2024-05-01 OR x')).toThrow(RangeError);
  });

  it.each(['RefinableString00', 'owstaxIdComplianceTag', 'A', `P${'x'.repeat(127)}`])('accepts the managed property name %s', (name) => {
    expect(kqlPropertyMatch(name, 'v')).toBe(`${name}:"v"`);
  });

  it.each(['1Title', '_Title', 'Title x', 'Title:', '', `P${'x'.repeat(128)}`, 'Títle'])('refuses %j, saying why', (name) => {
    expect(() => kqlPropertyMatch(name, 'v')).toThrow(new RangeError(`'${name}' is not a managed property name.`));
  });
});

describe('u! sharing URL encoder (browser-safe)', () => {
  const urls = [
    'https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1',
    ...hostile.map((h) => `https://contoso.sharepoint.com/sites/legal/Shared Documents/${h}.docx`),
    'https://contoso.sharepoint.com/?>?>?>',
    'a',
    'ab',
    ''
  ];
  it.each(urls)('matches Node base64url for %j', (url) => {
    const expected = `u!${Buffer.from(url, 'utf8').toString('base64url')}`;
    expect(encodeSharingUrl(url)).toBe(expected);
    expect(encodeSharingUrl(url)).not.toMatch(/[=+/]/);
  });

  it('uses no Buffer', () => {
    expect(base64UrlEncode(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });

  it('matches the example on the shares-get page', () => {
    expect(encodeSharingUrl('https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1')).toBe(
      'u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx'
    );
  });
});

describe('encodePathSegment', () => {
  it('encodes the sub-delimiters encodeURIComponent leaves alone, in upper-case hex (RFC 3986 §2.1)', () => {
    expect(encodePathSegment("O'Brien #2 (final)*!.docx")).toBe('O%27Brien%20%232%20%28final%29%2A%21.docx');
    expect(encodePathSegment('A-Z_a.z~0')).toBe('A-Z_a.z~0');
  });

  it.each(hostile)('round-trips %j and leaves no delimiter raw', (value) => {
    const s = encodePathSegment(value);
    expect(s).not.toMatch(/[\s#&+/\\<>"?'()!*]/);
    expect(decodeURIComponent(s)).toBe(value);
  });
});

describe('encodeQueryValue', () => {
  it.each(hostile)('round-trips %j through URLSearchParams and leaves no delimiter raw', (value) => {
    const encoded = encodeQueryValue(value);
    expect(encoded).not.toMatch(/[\s#&+=/\\<>"?'()!*]/);
    expect(new URL(`https://graph.microsoft.com/v1.0/sites?search=${encoded}`).searchParams.get('search')).toBe(value);
  });
});
