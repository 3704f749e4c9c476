import { CustodianError } from '../../core/services/errors';

export interface HostFailure {
  /** A code to branch on: `officeAsyncFailed`, `documentNotSaved`, `requirementMissing`. */
  code: string;
  what: string;
  why: string;
  whatToDo: string;
  /** The host's own message, for support. */
  hostMessage?: string;
  cause?: unknown;
}

/**
 * An Office (or demo) host failure as the one error type the pane shows. Status 0: no service answered;
 * the host itself refused or failed.
 */
export function hostError(failure: HostFailure): CustodianError {
  return new CustodianError({
    status: 0,
    code: failure.code,
    serviceMessage: failure.hostMessage ?? '',
    source: 'client',
    what: failure.what,
    why: failure.why,
    whatToDo: failure.whatToDo,
    cause: failure.cause
  });
}

/** The callback shape of Office's `*Async` methods. */
export interface OfficeAsyncResultLike<T> {
  /** `Office.AsyncResultStatus.Succeeded` is the string "succeeded" at run time (the typings declare a numeric enum). */
  status: unknown;
  value: T;
  error?: { code?: number | string; name?: string; message?: string } | null;
}

/**
 * Calls one Office `*Async` method and checks its result: `Succeeded` resolves with the value, anything
 * else rejects with a `CustodianError` that says what Custodian was doing (`action`, a verb phrase) and
 * Office's own message. A method that throws synchronously (an unsupported API) rejects the same way.
 *
 * @example await officeAsync<string>((done) => item.sensitivityLabel.getAsync(done), 'read the email's classification')
 */
export function officeAsync<T>(start: (done: (result: OfficeAsyncResultLike<T>) => void) => void, action: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (message: string, code: string | number | undefined, cause?: unknown): void =>
      reject(
        hostError({
          code: 'officeAsyncFailed',
          what: `Custodian couldn't ${action}.`,
          why: message ? `Office answered: ${message}` : 'Office reported a failure without a reason.',
          whatToDo: 'Try again. If it keeps failing, close and reopen the item, or restart Office.',
          hostMessage: code !== undefined ? `${code}: ${message}` : message,
          cause
        })
      );
    try {
      start((result) => {
        if (result && String(result.status).toLowerCase() === 'succeeded') resolve(result.value);
        else fail(result?.error?.message ?? '', result?.error?.code ?? result?.error?.name, result?.error);
      });
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e), undefined, e);
    }
  });
}
