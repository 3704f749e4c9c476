import { ServiceError } from './errors';
import type { ParseResult } from './faults';

/**
 * How the dev tenant meters assignSensitivityLabel, Microsoft Graph's one metered SharePoint API ("Metered APIs and
 * services in Microsoft Graph", https://learn.microsoft.com/graph/metered-api-list): `off` (the default, as if billing
 * were set up and nothing limited), `unbilled` (no Azure subscription linked to the app: 402 Payment Required on every
 * call), or a ceiling of calls per five minutes for the tenant (429 with Retry-After past it).
 */
export type MeteredSetting = { kind: 'off' } | { kind: 'unbilled' } | { kind: 'ceiling'; callsPerFiveMinutes: number };

/**
 * SharePoint's tenant limit "Assign Sensitivity Label: 100 per 5 min, no license bound" ("Avoid getting throttled or
 * blocked in SharePoint Online", the limits table).
 */
export const assignSensitivityLabelCallsPerFiveMinutes = 100;
const windowMs = 5 * 60_000;

/** Parses `unbilled`, `billed` (the documented 100 calls per 5 minutes) or a whole number of calls per 5 minutes. */
export function parseMeteredSpec(spec: string): ParseResult<MeteredSetting> {
  const text = spec.trim().toLowerCase();
  if (text === 'unbilled') return { ok: true, value: { kind: 'unbilled' } };
  if (text === 'billed') return { ok: true, value: { kind: 'ceiling', callsPerFiveMinutes: assignSensitivityLabelCallsPerFiveMinutes } };
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 1_000_000)
    return { ok: true, value: { kind: 'ceiling', callsPerFiveMinutes: Number(text) } };
  return { ok: false, reason: `'${spec}' is not unbilled, billed or a number of calls per five minutes (1 or more).` };
}

/**
 * 402 for a metered API without billing. The Graph errors page gives 402 the meaning "The payment requirements for
 * the API haven't been met" (https://learn.microsoft.com/graph/errors); Microsoft documents no body for it, so the
 * code `paymentRequired` is the dev tenant's own.
 */
function paymentRequired(): ServiceError {
  return new ServiceError({
    status: 402,
    code: 'paymentRequired',
    message:
      'assignSensitivityLabel is a metered API: the calling application must be associated with an active Azure subscription (Enable metered APIs and services in Microsoft Graph).'
  });
}

function tooManyMeteredCalls(retryAfterSeconds: number, ceiling: number): ServiceError {
  return new ServiceError({
    status: 429,
    code: 'activityLimitReached',
    message: `The tenant has made ${ceiling} assignSensitivityLabel calls in the last five minutes.`,
    innerCode: 'throttledRequest',
    headers: { 'Retry-After': String(retryAfterSeconds) }
  });
}

/** The calls admitted in the last five minutes of the tenant's clock (a sliding window), and the refusals. */
export class MeteredApiGate {
  private admitted: number[] = [];

  constructor(readonly setting: MeteredSetting) {}

  /** Admits one call at `nowMs` (the tenant's clock, which tests move forward), or gives the refusal to answer. */
  admit(nowMs: number): ServiceError | undefined {
    const s = this.setting;
    if (s.kind === 'off') return undefined;
    if (s.kind === 'unbilled') return paymentRequired();
    this.admitted = this.admitted.filter((at) => at > nowMs - windowMs);
    if (this.admitted.length >= s.callsPerFiveMinutes) {
      const freeAt = this.admitted[this.admitted.length - s.callsPerFiveMinutes] + windowMs;
      return tooManyMeteredCalls(Math.max(1, Math.ceil((freeAt - nowMs) / 1000)), s.callsPerFiveMinutes);
    }
    this.admitted.push(nowMs);
    return undefined;
  }
}
