import { CustodianError } from '../../../../src/core/http/CustodianError';

/** The `CustodianError` that `run` is refused with; fails the test when it succeeds or throws anything else. */
export async function refusal(run: () => Promise<unknown>): Promise<CustodianError> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof CustodianError)) throw e;
    return e;
  }
  throw new Error('Expected a refusal (a CustodianError), but it succeeded.');
}
