import type { CustodianError } from '../../http/CustodianError';
import type { JobFailure } from '../jobs/JobCheckpoint';

/**
 * A failed item as the report names it: the most specific code the service gave (`regulatoryRecord` inside
 * `accessDenied`) and its own sentence when it gave one (it says which rule refused), else Custodian's.
 */
export function failureOf(id: string, error: CustodianError): Omit<JobFailure, 'chunk'> {
  const reason = error.serviceMessage && error.status >= 400 && error.status < 500 ? error.serviceMessage : `${error.what} ${error.why}`;
  return { id, code: error.innerCode ?? error.code, status: error.status, reason };
}
