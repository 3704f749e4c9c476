import { CustodianError } from '../../http/CustodianError';

/** A decision or hold change Custodian refused or could not complete, in the words the Teams tab shows. */
export function reviewError(init: {
  code: string;
  what: string;
  why: string;
  whatToDo: string;
  status?: number;
  cause?: unknown;
}): CustodianError {
  return new CustodianError({
    status: init.status ?? 0,
    code: init.code,
    serviceMessage: init.why,
    source: 'client',
    what: init.what,
    why: init.why,
    whatToDo: init.whatToDo,
    ...(init.cause !== undefined ? { cause: init.cause } : {})
  });
}
