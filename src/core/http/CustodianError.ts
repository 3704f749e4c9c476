/** Which service (or which side) produced the failure. */
export type ErrorSource = 'graph' | 'sharepoint' | 'entra' | 'network' | 'client';

export interface CustodianErrorInit {
  /** HTTP status; 0 when no answer came (dropped connection, abort, offline). */
  status: number;
  /** The service's code (`accessDenied`, `-2147024891, System.UnauthorizedAccessException`, `invalid_grant`), or ours. */
  code: string;
  /** The more specific code Graph nests in `innerError.code`. */
  innerCode?: string;
  /** The service's own message, for logs and support; the UI shows `what`, `why` and `whatToDo`. */
  serviceMessage: string;
  requestId?: string;
  clientRequestId?: string;
  /** From Retry-After, in milliseconds. */
  retryAfterMs?: number;
  source: ErrorSource;
  /** One sentence: what failed, in the user's terms. */
  what: string;
  /** One sentence: why, as far as the answer tells. */
  why: string;
  /** One sentence: what the user can do about it. */
  whatToDo: string;
  cause?: unknown;
}

/**
 * The one error type of the gateway. Built only by `errorFromEnvelope` (and its two wrappers), so a caller
 * branches on `status`/`code`, never on a message, and the UI shows `what`, `why` and `whatToDo` as they are.
 *
 * @example
 * catch (e) { if (e instanceof CustodianError && e.status === 412) reload(); else show(e.what, e.why, e.whatToDo); }
 */
export class CustodianError extends Error {
  readonly status: number;
  readonly code: string;
  readonly innerCode?: string;
  readonly serviceMessage: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly retryAfterMs?: number;
  readonly source: ErrorSource;
  readonly what: string;
  readonly why: string;
  readonly whatToDo: string;

  constructor(init: CustodianErrorInit) {
    super(`${init.what} ${init.why}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'CustodianError';
    this.status = init.status;
    this.code = init.code;
    this.innerCode = init.innerCode;
    this.serviceMessage = init.serviceMessage;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.retryAfterMs = init.retryAfterMs;
    this.source = init.source;
    this.what = init.what;
    this.why = init.why;
    this.whatToDo = init.whatToDo;
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }

  /** True for answers worth trying again later (throttling, outages, dropped connections). */
  /** Worth trying again as it is: throttling, a busy service, or a connection that dropped (never a refusal or an abort). */
  get isTransient(): boolean {
    return this.status === 0 ? this.source === 'network' : [429, 503, 504].includes(this.status);
  }
}

export function isCustodianError(e: unknown): e is CustodianError {
  return e instanceof CustodianError;
}
