/**
 * The one error factory. Handlers throw `ServiceError`; the server renders it in the envelope of the API the
 * request went to: Graph (https://learn.microsoft.com/graph/errors) or SharePoint REST (`odata.error`).
 */

export type ApiKind = 'graph' | 'sharepoint' | 'control' | 'entra';

export interface ErrorInfo {
  status: number;
  /** Graph top-level code (accessDenied, itemNotFound, invalidRequest, ...). */
  code: string;
  message: string;
  /** More specific code, rendered as `innerError.code` (Graph nests specific codes there). */
  innerCode?: string;
  /** SharePoint exception type for `odata.error.code` ("-1, Microsoft.SharePoint.Client.InvalidOperationException"). */
  spCode?: string;
  headers?: Record<string, string>;
}

export class ServiceError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.info = info;
  }
}

/** Builders for the errors the dev tenant answers; every refusal goes through one of these. */
export const errors = {
  badRequest: (message: string, innerCode?: string): ServiceError =>
    new ServiceError({
      status: 400,
      code: 'invalidRequest',
      message,
      innerCode,
      spCode: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException'
    }),
  unsupportedQuery: (message: string): ServiceError =>
    new ServiceError({
      status: 400,
      code: 'invalidRequest',
      message,
      innerCode: 'unsupportedQueryOption',
      spCode: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException'
    }),
  unauthenticated: (message: string): ServiceError =>
    new ServiceError({
      status: 401,
      code: 'InvalidAuthenticationToken',
      message,
      spCode: '-2147024891, System.UnauthorizedAccessException',
      headers: { 'WWW-Authenticate': 'Bearer realm="devtenant", error="invalid_token"' }
    }),
  missingScope: (needed: readonly string[]): ServiceError =>
    new ServiceError({
      status: 403,
      code: 'accessDenied',
      message: `Either scp or roles claim need to be present in the token with one of: ${needed.join(', ')}.`,
      innerCode: 'insufficientScope',
      spCode: '-2147024891, System.UnauthorizedAccessException'
    }),
  forbidden: (message: string, innerCode?: string): ServiceError =>
    new ServiceError({ status: 403, code: 'accessDenied', message, innerCode, spCode: '-2147024891, System.UnauthorizedAccessException' }),
  notFound: (message: string): ServiceError =>
    new ServiceError({ status: 404, code: 'itemNotFound', message, spCode: '-2130575338, System.ArgumentException' }),
  methodNotAllowed: (method: string): ServiceError =>
    new ServiceError({ status: 405, code: 'invalidRequest', message: `The HTTP method '${method}' is not allowed on this resource.` }),
  conflict: (message: string, code = 'nameAlreadyExists'): ServiceError =>
    new ServiceError({ status: 409, code, message, spCode: '-2130575257, Microsoft.SharePoint.SPException' }),
  preconditionFailed: (): ServiceError =>
    new ServiceError({
      status: 412,
      code: 'resourceModified',
      message: 'The resource has changed since the caller last read it; usually an eTag mismatch.',
      spCode: '-1, Microsoft.SharePoint.Client.ClientServiceException'
    }),
  tooLarge: (limit: number): ServiceError =>
    new ServiceError({
      status: 413,
      code: 'invalidRequest',
      message: `The request body exceeds the limit of ${limit} bytes.`,
      innerCode: 'requestTooLarge'
    }),
  unsupportedMedia: (message: string): ServiceError => new ServiceError({ status: 415, code: 'invalidRequest', message }),
  locked: (message: string, innerCode?: string): ServiceError =>
    new ServiceError({ status: 423, code: 'resourceLocked', message, innerCode, spCode: '-2147018894, Microsoft.SharePoint.SPException' }),
  gone: (message: string, location?: string): ServiceError =>
    new ServiceError({
      status: 410,
      code: 'resyncRequired',
      message,
      innerCode: 'resyncChangesApplyDifferences',
      headers: location ? { Location: location } : undefined
    }),
  /**
   * SharePoint's SPQueryThrottledException (the list view threshold, "Manage large lists and libraries"): a 500 by
   * Microsoft's design, SharePoint REST's code as pnp/pnpjs#3149 reports it; Graph's code is the dev tenant's choice.
   */
  listViewThreshold: (): ServiceError =>
    new ServiceError({
      status: 500,
      code: 'generalException',
      message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
      spCode: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException'
    }),
  notImplemented: (what: string): ServiceError =>
    new ServiceError({
      status: 501,
      code: 'notImplemented',
      message: `The dev tenant does not serve ${what}. See docs/devtenant.md for what it serves.`,
      spCode: '-1, System.NotImplementedException'
    }),
  throttled: (retryAfterSeconds: number): ServiceError =>
    new ServiceError({
      status: 429,
      code: 'activityLimitReached',
      message: 'The app or user has been throttled.',
      innerCode: 'throttledRequest',
      headers: { 'Retry-After': String(retryAfterSeconds) }
    }),
  unavailable: (status: 503 | 504, retryAfterSeconds: number): ServiceError =>
    new ServiceError({
      status,
      code: status === 503 ? 'serviceNotAvailable' : 'gatewayTimeout',
      message: status === 503 ? 'The service is temporarily unavailable. Try again later.' : 'The gateway timed out.',
      headers: { 'Retry-After': String(retryAfterSeconds) }
    }),
  internal: (): ServiceError =>
    new ServiceError({ status: 500, code: 'generalException', message: 'An unspecified error occurred in the dev tenant.' })
};

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
  date: string;
}

/** Graph's envelope: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphErrorBody(info: ErrorInfo, ids: RequestIds): Record<string, unknown> {
  const innerError: Record<string, string> = {};
  if (info.innerCode) innerError.code = info.innerCode;
  innerError.date = ids.date;
  innerError['request-id'] = ids.requestId;
  innerError['client-request-id'] = ids.clientRequestId;
  return { error: { code: info.code, message: info.message, innerError } };
}

/**
 * SharePoint REST's envelope. With `odata=verbose` it is `{ error: { code, message: { lang, value } } }`;
 * otherwise `{ "odata.error": { code, message: { lang, value } } }`.
 */
export function sharePointErrorBody(info: ErrorInfo, verbose: boolean): Record<string, unknown> {
  const body = {
    code: info.spCode ?? '-1, Microsoft.SharePoint.Client.InvalidOperationException',
    message: { lang: 'en-US', value: info.message }
  };
  return verbose ? { error: body } : { 'odata.error': body };
}
