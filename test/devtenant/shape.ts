/**
 * Compares a JSON response with the example Microsoft documents for it, by shape only: the property names and
 * their JSON types, recursively, ignoring values. `@odata.type` annotations are not compared (Graph returns them
 * only for derived types), and an example object holding nothing but `@odata.type` is a placeholder for "an
 * object of that type". An example `null` says nothing about the type, so anything matches it. Every element
 * of an array must match one of the example's elements.
 */

export interface Erratum {
  /** `a.b`, with `[]` for array elements: `value[].retentionDuration.days`. */
  path: string;
  /** The example spells the property differently from the resource page. */
  renameTo?: string;
  /** The example wraps the answer in this property; the answer is its value. */
  unwrap?: boolean;
  /** The JSON type the resource page gives, where the example shows another. */
  type?: 'string' | 'number' | 'boolean';
  /** The property may be null (the resource page allows it; the example shows a value). */
  nullable?: boolean;
  /** The property belongs to one derived type only (`days` of retentionDurationInDays), so it may be absent. */
  optional?: boolean;
  why: string;
}

export interface Fixture {
  source: string;
  sourceFile: string;
  /** The page marks its example response as shortened: other properties may appear. */
  truncated: boolean;
  request: { method: string; url: string; headers?: Record<string, string>; body?: unknown };
  response: { status: number; headers?: Record<string, string>; body?: unknown };
  errata?: Erratum[];
  /** Paths of objects whose keys are free (header sets): only that they are objects of strings is checked. */
  maps?: string[];
  expand?: { query: string; property: string; source: string; shape: Record<string, unknown>; errata?: Erratum[] };
  notes?: string[];
}

type JsonType = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as JsonType;
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** The documented example with its errata applied (renames and unwrapping); type and null errata stay as overrides. */
export function expectedBody(fixture: Fixture): unknown {
  let body = structuredClone(fixture.response.body);
  for (const e of fixture.errata ?? []) {
    if (e.unwrap && body && typeof body === 'object') body = (body as Record<string, unknown>)[e.path];
    if (e.renameTo) rename(body, e.path.split('.'), e.renameTo);
  }
  return body;
}

function rename(node: unknown, parts: string[], to: string): void {
  if (node === null || typeof node !== 'object') return;
  const [head, ...rest] = parts;
  const key = head.replace(/\[\]$/, '');
  const obj = node as Record<string, unknown>;
  if (rest.length === 0) {
    if (key in obj) {
      obj[to] = obj[key];
      delete obj[key];
    }
    return;
  }
  const next = obj[key];
  for (const child of head.endsWith('[]') && Array.isArray(next) ? next : [next]) rename(child, rest, to);
}

export interface ShapeOptions {
  strict?: boolean;
  maps?: readonly string[];
  errata?: readonly Erratum[];
}

/** The differences between the example's shape and the answer's; empty when the answer conforms. */
export function shapeDiff(expected: unknown, actual: unknown, options: ShapeOptions = {}, path = ''): string[] {
  const override = (options.errata ?? []).find((e) => e.path === path && (e.type !== undefined || e.nullable));
  if (expected === null) return [];
  if (actual === null) return override?.nullable ? [] : [`${path || '(root)'}: null where the example has ${typeOf(expected)}`];
  const want = override?.type ?? typeOf(expected);
  const got = typeOf(actual);
  if (want !== got) return [`${path || '(root)'}: ${got} where the example has ${want}`];
  if (want === 'array') {
    const ex = expected as unknown[];
    const ac = actual as unknown[];
    if (ex.length === 0) return [];
    // An example holding only type placeholders documents the element type, not that the array has elements.
    const placeholders = ex.every((e) => typeOf(e) === 'object' && Object.keys(e as object).every((k) => k === '@odata.type'));
    if (ac.length === 0 && !placeholders) return [`${path}: an empty array, so its elements cannot be compared with the example's`];
    const out: string[] = [];
    for (const el of ac) {
      const tries = ex.map((e) => shapeDiff(e, el, options, `${path}[]`));
      if (!tries.some((t) => t.length === 0)) out.push(...tries.reduce((a, b) => (b.length < a.length ? b : a)));
    }
    return [...new Set(out)];
  }
  if (want !== 'object') return [];
  const ex = expected as Record<string, unknown>;
  const ac = actual as Record<string, unknown>;
  if ((options.maps ?? []).includes(path)) {
    return Object.entries(ac)
      .filter(([, v]) => typeof v !== 'string')
      .map(([k]) => `${join(path, k)}: not a string`);
  }
  const keys = Object.keys(ex).filter((k) => k !== '@odata.type');
  if (keys.length === 0) return [];
  const out: string[] = [];
  for (const k of keys) {
    const optional = (options.errata ?? []).some((e) => e.path === join(path, k) && e.optional);
    if (!(k in ac)) {
      if (!optional) out.push(`${join(path, k)}: missing`);
    } else out.push(...shapeDiff(ex[k], ac[k], options, join(path, k)));
  }
  if (options.strict)
    for (const k of Object.keys(ac)) if (k !== '@odata.type' && !(k in ex)) out.push(`${join(path, k)}: not in the example`);
  return out;
}

/** Checks an answer against a fixture's documented response body, with its errata, maps and truncation. */
export function conformanceDiff(fixture: Fixture, actual: unknown): string[] {
  return shapeDiff(expectedBody(fixture), actual, { strict: !fixture.truncated, maps: fixture.maps, errata: fixture.errata });
}
