import { CustodianError } from '../../http/CustodianError';

export interface RefusalText {
  /** A stable code the UI may branch on: the domain's restriction code (`regulatoryRecord`) or the service's own. */
  code: string;
  what: string;
  why: string;
  whatToDo: string;
}

/**
 * A request the service would refuse, refused by Custodian before sending it: status 0, source `client`, the
 * reason in the user's terms. Services check first so the person learns why without a round trip.
 */
export function refusalError(text: RefusalText): CustodianError {
  return new CustodianError({ status: 0, source: 'client', serviceMessage: text.why, ...text });
}
