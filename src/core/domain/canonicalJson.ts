export type CanonicalJsonResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Writes a JSON value in one canonical form, so that the same data always hashes the same whatever
 * order its properties were built in: object keys sorted by UTF-16 code units, no whitespace, numbers
 * and strings as `JSON.stringify` writes them (which matches RFC 8785 for finite numbers).
 * Properties whose value is `undefined` are left out, as `JSON.stringify` does. Anything JSON cannot
 * represent exactly (NaN, Infinity, functions, bigint, Dates, Maps, class instances, cycles) is
 * refused with its path, rather than written lossily.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) // { ok: true, text: '{"a":[true,null],"b":1}' }
 */
export function canonicalJson(value: unknown): CanonicalJsonResult {
  const parts: string[] = [];
  const ancestors = new Set<object>();
  const refuse = (path: string, what: string): CanonicalJsonResult => ({
    ok: false,
    reason: `${path === '' ? 'The value' : path} is ${what}, which has no exact JSON form.`
  });

  const write = (item: unknown, path: string): CanonicalJsonResult | undefined => {
    if (item === null || typeof item === 'boolean') {
      parts.push(String(item));
      return undefined;
    }
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return refuse(path, String(item));
      parts.push(JSON.stringify(item));
      return undefined;
    }
    if (typeof item === 'string') {
      parts.push(JSON.stringify(item));
      return undefined;
    }
    if (typeof item !== 'object') return refuse(path, `a ${typeof item}`);
    if (ancestors.has(item)) return refuse(path, 'a reference to itself');
    if (Array.isArray(item)) {
      ancestors.add(item);
      parts.push('[');
      for (let index = 0; index < item.length; index += 1) {
        if (index > 0) parts.push(',');
        if (item[index] === undefined) return refuse(`${path}[${index}]`, 'undefined');
        const failed = write(item[index], `${path}[${index}]`);
        if (failed !== undefined) return failed;
      }
      parts.push(']');
      ancestors.delete(item);
      return undefined;
    }
    const prototype = Object.getPrototypeOf(item) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      return refuse(path, item instanceof Date ? 'a Date (store it as an ISO string)' : 'an object that is not plain data');
    }
    ancestors.add(item);
    const record = item as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    parts.push('{');
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index];
      if (index > 0) parts.push(',');
      parts.push(JSON.stringify(key), ':');
      const failed = write(record[key], path === '' ? key : `${path}.${key}`);
      if (failed !== undefined) return failed;
    }
    parts.push('}');
    ancestors.delete(item);
    return undefined;
  };

  const failed = write(value, '');
  return failed ?? { ok: true, text: parts.join('') };
}
