import { isCustodianError } from '../../core/services/errors';

/** The three sentences every error shows, plus what support needs to trace it. */
export interface ErrorText {
  what: string;
  why: string;
  whatToDo: string;
  /** Graph's or SharePoint's request id, when the service answered. */
  requestId?: string;
}

/**
 * What to show for anything a promise rejected with. A `CustodianError` already carries what, why and what to
 * do; anything else (a bug, a host SDK's own Error) is shown by its message, never by `JSON.stringify`, which
 * prints `{}` for an Error.
 *
 * @example errorText(new Error('boom')).why // 'boom'
 */
export function errorText(error: unknown, fallbackWhat = 'Something went wrong.'): ErrorText {
  if (isCustodianError(error)) {
    return { what: error.what, why: error.why, whatToDo: error.whatToDo, requestId: error.requestId };
  }
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
          ? (error as { message: string }).message
          : '';
  return {
    what: fallbackWhat,
    why: message.trim() !== '' ? message : 'Custodian met a problem it does not recognise.',
    whatToDo: 'Try again. If it keeps happening, close and reopen the pane, then report it to your administrator.'
  };
}
