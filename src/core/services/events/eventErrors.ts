import { CustodianError } from '../../http/CustodianError';

/** A retention event Custodian refuses to fire, before any request: why, and what to do instead. */
export function eventRefused(code: string, why: string, whatToDo: string): CustodianError {
  return new CustodianError({
    status: 0,
    code,
    serviceMessage: why,
    source: 'client',
    what: 'Custodian did not fire the retention event.',
    why,
    whatToDo
  });
}
