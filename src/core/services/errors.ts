/**
 * The one error type the surfaces show, as the use cases raise it: what happened, why, and what to do.
 * Surfaces and `src/ui` import it from here, never from `core/http`, where the gateway builds it.
 */
export { CustodianError, isCustodianError, type CustodianErrorInit, type ErrorSource } from '../http/CustodianError';
