import type { CustodianError } from '../http/CustodianError';
import { errorFromEnvelope } from '../http/errorFromEnvelope';

/**
 * A sign-in failure (MSAL, SPFx, the dev tenant) as a `CustodianError`, through the Entra envelope so it is
 * built in the same one place as every other error. Only the code and description are kept, never a token.
 */
export function authFailure(e: unknown, status = 401): CustodianError {
  const o = (typeof e === 'object' && e !== null ? e : {}) as {
    errorCode?: unknown;
    errorMessage?: unknown;
    message?: unknown;
    name?: unknown;
  };
  const code =
    typeof o.errorCode === 'string' && o.errorCode
      ? o.errorCode
      : typeof o.name === 'string' && o.name !== 'Error'
        ? o.name
        : 'sign_in_failed';
  const description = typeof o.errorMessage === 'string' ? o.errorMessage : typeof o.message === 'string' ? o.message : String(e);
  return errorFromEnvelope(status, { error: code, error_description: description }, { action: 'sign you in to Microsoft 365' });
}
