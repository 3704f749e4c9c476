/**
 * The dev tenant's personas, for demo mode's "signed in as" choice: the composition root creates the token provider
 * for the one chosen; the toolbar only names them.
 */
export { devTenantPersonas, type DevTenantPersona } from '../../auth/createDevTenantTokenProvider';
