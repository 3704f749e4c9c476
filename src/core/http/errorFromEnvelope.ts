import { CustodianError, type ErrorSource } from './CustodianError';
import { describeFailure } from './describeFailure';
import { parseRetryAfter } from './parseRetryAfter';

export interface EnvelopeContext {
  /** What the user was doing, as a verb phrase ("apply the retention label to 'Budget.xlsx'"). */
  action?: string;
  /** The response's headers (request-id, client-request-id, Retry-After). */
  headers?: { get(name: string): string | null };
  now?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

interface Parsed {
  source: ErrorSource;
  code: string;
  innerCode?: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
}

/** SharePoint's message is `{ lang, value }`; Graph's is a string. */
function messageOf(m: unknown): string | undefined {
  if (typeof m === 'string') return m;
  if (isObject(m)) return str(m.value);
  return undefined;
}

/** The deepest `innerError.code`: Graph nests the specific code below the generic one. */
function innermostCode(e: Json): string | undefined {
  let code: string | undefined;
  let inner = e.innerError ?? e.innererror;
  for (let depth = 0; isObject(inner) && depth < 8; depth++) {
    code = str(inner.code) ?? code;
    inner = inner.innerError ?? inner.innererror;
  }
  return code;
}

function parse(body: unknown): Parsed | undefined {
  if (!isObject(body)) return undefined;
  // SharePoint REST, nometadata / minimalmetadata: { "odata.error": { code, message: { lang, value } } }
  const sp = body['odata.error'];
  if (isObject(sp)) return { source: 'sharepoint', code: str(sp.code) ?? 'unknown', message: messageOf(sp.message) ?? '' };
  // Entra ID token endpoint: { error: "invalid_grant", error_description: "AADSTS...", correlation_id }
  if (typeof body.error === 'string') {
    return {
      source: 'entra',
      code: body.error,
      message: str(body.error_description) ?? '',
      requestId: str(body.trace_id),
      clientRequestId: str(body.correlation_id)
    };
  }
  const e = body.error;
  if (isObject(e)) {
    // SharePoint verbose: { error: { code: "-1, Microsoft.SharePoint...", message: { lang, value } } }
    if (isObject(e.message)) return { source: 'sharepoint', code: str(e.code) ?? 'unknown', message: messageOf(e.message) ?? '' };
    // Graph: { error: { code, message, innerError: { code?, date, request-id, client-request-id } } }
    const inner = isObject(e.innerError) ? e.innerError : isObject(e.innererror) ? e.innererror : {};
    return {
      source: 'graph',
      code: str(e.code) ?? 'unknown',
      innerCode: innermostCode(e),
      message: messageOf(e.message) ?? '',
      requestId: str(inner['request-id']) ?? str(inner.requestId),
      clientRequestId: str(inner['client-request-id']) ?? str(inner.clientRequestId)
    };
  }
  return undefined;
}

/**
 * The one place a failed answer becomes a `CustodianError`, from any of the three envelopes:
 * Graph `{ error: { code, message, innerError } }`, SharePoint `{ "odata.error": ... }` (nometadata) or
 * `{ error: { code, message: { value } } }` (verbose), and Entra `{ error, error_description }`.
 * A body in none of them (an HTML gateway page, nothing) still gives an error from the status.
 *
 * @example errorFromEnvelope(403, { error: { code: 'accessDenied', message: '...' } }, { action: 'lock the record' })
 */
export function errorFromEnvelope(status: number, body: unknown, context: EnvelopeContext = {}): CustodianError {
  const parsed = parse(body);
  const headers = context.headers;
  const retryAfterMs = parseRetryAfter(headers?.get('retry-after'), context.now ?? Date.now());
  const requestId = parsed?.requestId ?? headers?.get('request-id') ?? headers?.get('sprequestguid') ?? undefined;
  const clientRequestId = parsed?.clientRequestId ?? headers?.get('client-request-id') ?? undefined;
  const code = parsed?.code ?? `http${status}`;
  const text = describeFailure({ status, code, innerCode: parsed?.innerCode, action: context.action, retryAfterMs });
  return new CustodianError({
    status,
    code,
    innerCode: parsed?.innerCode,
    serviceMessage: parsed?.message ?? (typeof body === 'string' ? body.slice(0, 500) : ''),
    requestId,
    clientRequestId,
    retryAfterMs,
    source: parsed?.source ?? 'graph',
    ...text
  });
}
