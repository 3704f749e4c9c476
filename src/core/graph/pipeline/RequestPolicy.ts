import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export interface RequestPolicySettings {
  /** Safe to repeat after a dropped connection or a 504 (GET, PUT, DELETE, or an operation that sets a value). */
  idempotent?: boolean;
  /** Sent without Authorization: pre-authenticated URLs (upload sessions, sensitivity-label monitors). */
  anonymous?: boolean;
  /** Permits the request takes from the rate governor; a `$batch` takes one per inner request. */
  cost?: number;
  /** 'caller' when the caller reports the statuses to the governor itself (a `$batch` reports each inner one). */
  feedback?: 'governor' | 'caller';
  /** False turns retries off (a caller that retries by itself). */
  retry?: boolean;
}

/** Per-request settings the Custodian middlewares read, passed with `GraphRequest.middlewareOptions([...])`. */
export class RequestPolicy implements MiddlewareOptions {
  /**
   * What the chain threw, kept here because the Graph client rewraps thrown errors as GraphError and loses the
   * original (a CustodianError from the token provider, an AbortError from fetch).
   */
  thrown?: unknown;

  constructor(readonly settings: RequestPolicySettings = {}) {}
}
