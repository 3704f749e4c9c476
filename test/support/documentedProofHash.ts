import { createHash } from 'node:crypto';

// The proof register's hash as docs/domain.md ("Proof register") documents it, written here apart from the core, so
// that tests can recompute a chain the way a forger (or an auditor) would: SHA-256 of the JSON of
// { sequence, recordedAt, payload, previousHash } with every object's keys sorted.

/** JSON with every object's keys sorted, at every depth. */
export const sortedKeyJson = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(sortedKeyJson).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${sortedKeyJson((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

/** Lower-case hex SHA-256 of a UTF-8 string. */
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
