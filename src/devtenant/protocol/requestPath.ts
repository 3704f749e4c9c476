import { splitOutsideQuotes } from './odataLiteral';
import { decodeSegment } from './urlEncoding';

/** A path segment: plain text, or a colon-addressed path (`root:/a/b.docx:`, `host:/sites/hr`). */
export type Segment = { kind: 'name'; value: string } | { kind: 'path'; value: string };

/**
 * Which path grammar a request uses. SharePoint REST puts OData literals in its path (`getByTitle('a/b')`,
 * `GetFolderByServerRelativePath(DecodedUrl='/x/O''Brien')`), so a `/` inside single quotes there does not
 * split. Graph does not: its colon paths carry file names, where `'` is an ordinary character
 * (`root:/O'Brien.txt:`), so there every `/` outside percent-encoding splits.
 */
export type PathGrammar = 'graph' | 'sharepoint';

/**
 * Splits a raw (still percent-encoded) request path into decoded segments. Graph's path addressing
 * (`/drives/{id}/root:/folder/file.docx:/content`, `/sites/{hostname}:/sites/hr:/lists`) becomes one
 * `path` segment after the segment that carried the colon. With the SharePoint grammar, `/` inside single
 * quotes does not split. Returns undefined for malformed percent-encoding.
 */
export function splitRequestPath(rawPath: string, grammar: PathGrammar = 'graph'): Segment[] | undefined {
  const trimmed = rawPath.replace(/^\/+/, '');
  const raw = grammar === 'sharepoint' ? splitOutsideQuotes(trimmed, '/') : trimmed.split('/');
  const out: Segment[] = [];
  for (let i = 0; i < raw.length; i++) {
    const decoded = decodeSegment(raw[i]);
    if (decoded === undefined) return undefined;
    if (decoded === '' && i === raw.length - 1) continue; // trailing slash: `lists(guid'..')/?$expand`
    if (decoded.endsWith(':') && decoded.length > 1 && i < raw.length - 1) {
      out.push({ kind: 'name', value: decoded.slice(0, -1) });
      const parts: string[] = [];
      let j = i + 1;
      for (; j < raw.length; j++) {
        const p = decodeSegment(raw[j]);
        if (p === undefined) return undefined;
        if (p.endsWith(':')) {
          parts.push(p.slice(0, -1));
          break;
        }
        parts.push(p);
      }
      out.push({ kind: 'path', value: '/' + parts.join('/') });
      i = j;
      continue;
    }
    out.push({ kind: 'name', value: decoded });
  }
  return out;
}
