import type { CustodianError } from './CustodianError';
import { errorFromEnvelope } from './errorFromEnvelope';

/**
 * Reads a failed `Response` (its body once) and builds the error through `errorFromEnvelope`.
 *
 * @example if (!response.ok) throw await errorFromResponse(response, "read 'Contracts'");
 */
export async function errorFromResponse(response: Response, action?: string, now?: number): Promise<CustodianError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The body broke off; the status and headers still say enough.
  }
  let body: unknown = text;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return errorFromEnvelope(response.status, body, { action, headers: response.headers, now });
}
