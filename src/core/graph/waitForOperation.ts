import { errorFromEnvelope } from '../http/errorFromEnvelope';
import type { CallOptions } from './GraphCall';
import type { GraphGateway } from './GraphGateway';

export interface OperationStatus {
  status: string;
  percentageComplete?: number;
  resourceId?: string;
  operation?: string;
}

export interface WaitOptions extends CallOptions {
  /** First wait between polls; it grows by half each time up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up (with a 504-style error the UI can explain) after this long. */
  timeoutMs?: number;
  action?: string;
}

const running = new Set(['notstarted', 'inprogress', 'running', 'waiting', 'accepted']);

/**
 * Polls a long-running operation's monitor URL (the `Location` of a 202) until it completes or fails
 * ("Working with long-running actions"). The URL is pre-authenticated and may be off Graph (SharePoint's
 * `_api/v2.0/monitor`), so no token is sent; retry and the rate governor still apply.
 */
export async function waitForOperation(gateway: GraphGateway, monitorUrl: string, options: WaitOptions = {}): Promise<OperationStatus> {
  const action = options.action ?? 'finish the change';
  const started = gateway.timing.now();
  let interval = options.intervalMs ?? 250;
  for (;;) {
    const status = await gateway.call<OperationStatus>({ method: 'GET', url: monitorUrl, anonymous: true, action }, options);
    const state = String(status?.status ?? '').toLowerCase();
    if (state === 'completed' || state === 'succeeded') return status;
    if (!running.has(state)) {
      const detail = (status as unknown as { error?: unknown }).error;
      throw errorFromEnvelope(
        500,
        {
          error:
            typeof detail === 'object' && detail
              ? detail
              : { code: 'operationFailed', message: `The operation ended as '${status?.status}'.` }
        },
        { action }
      );
    }
    if (gateway.timing.now() - started > (options.timeoutMs ?? 120_000)) {
      throw errorFromEnvelope(
        504,
        { error: { code: 'operationTimedOut', message: 'The operation did not finish in time; it may still complete.' } },
        { action }
      );
    }
    await gateway.timing.sleep(interval, options.signal);
    interval = Math.min(options.maxIntervalMs ?? 5000, Math.round(interval * 1.5));
  }
}
