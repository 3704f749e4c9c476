/** A case-insensitive view of response headers, for a real response or one inside a `$batch`. */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface GraphAnswer {
  status: number;
  headers: HeaderReader;
}

/**
 * One Graph request, described as data so it can be sent alone or inside a `$batch`. Operations build these
 * (`setRetentionLabelCall(...)`) and the gateway sends them.
 */
export interface GraphCall<T = unknown> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root (`/drives/b!x/items/01AB`), query already encoded; or an absolute nextLink. */
  url: string;
  /** `beta` for the few operations not in v1.0; batches hold one version. */
  version?: string;
  headers?: Record<string, string>;
  /** A JSON value, or a Blob for bytes. */
  body?: unknown;
  /** What the user is doing, as a verb phrase for error messages: "apply the retention label to 'Plan.docx'". */
  action: string;
  /** Safe to repeat after a dropped connection (setting a value to the same value is). */
  idempotent?: boolean;
  /** Sent without Authorization (a pre-authenticated URL). */
  anonymous?: boolean;
  /** How to read a successful body: JSON (default), text, a Blob, or nothing. */
  responseType?: 'json' | 'text' | 'blob' | 'none';
  /** Maps the body (already read per `responseType`) to the result. */
  parse?: (body: unknown, answer: GraphAnswer) => T;
  /** Inside a batch only: indexes of earlier calls of the same batch that must succeed first. */
  dependsOn?: number[];
}

export interface CallOptions {
  signal?: AbortSignal;
}

export function headerReader(headers: Record<string, string> | undefined): HeaderReader {
  const lower = new Map<string, string>();
  for (const [k, v] of Object.entries(headers ?? {})) lower.set(k.toLowerCase(), String(v));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}
