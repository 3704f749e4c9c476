import { tenantId } from '../auth/personas';
import { ServiceError } from '../errors';
import type { Ctx, Reply } from '../http/context';
import { publicHostNames } from '../publicHosts/publicHosts';
import {
  devTenantAppId,
  devTenantAppSecret,
  devTenantPassword,
  issueAppToken,
  isThisTenant,
  issueUserTokens,
  personaBySignInName,
  redeemRefreshToken,
  resourceOfScope
} from './entraTokens';

/**
 * A stand-in for Microsoft Entra ID on `login.microsoftonline.com`, for clients run unchanged against the dev
 * tenant in its public-hosts mode: the OpenID Connect metadata document, instance discovery, and the v2.0 token
 * endpoint for the grants a script signs in with (`password`, `refresh_token`). Errors come in Entra's OAuth shape
 * (`error`, `error_description` starting with the AADSTS code, `error_codes`), which MSAL shows as they are.
 */

const login = `https://${publicHostNames.login}`;

/** Entra's OAuth error answer ("Microsoft Entra authentication and authorization error codes"). */
function oauthError(ctx: Ctx, status: number, error: string, code: number, description: string): Reply {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${ctx.ids.requestId} Correlation ID: ${ctx.ids.clientRequestId} Timestamp: ${ctx.ids.date}Z`,
      error_codes: [code],
      timestamp: `${ctx.ids.date}Z`,
      trace_id: ctx.ids.requestId,
      correlation_id: ctx.ids.clientRequestId,
      error_uri: `${login}/error?code=${code}`
    }
  };
}

/** The OpenID Connect metadata document ("OpenID Connect on the Microsoft identity platform", "Find your app's OpenID configuration"). */
function openIdConfiguration(tenant: string): Record<string, unknown> {
  const base = `${login}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${login}/${tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `https://${publicHostNames.graph}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: publicHostNames.graph,
    rbac_url: 'https://pas.windows.net'
  };
}

function tokenRequest(ctx: Ctx): Reply {
  const type = (ctx.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    return oauthError(ctx, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
  const form = new URLSearchParams(ctx.body.toString('utf8'));
  const grant = form.get('grant_type') ?? '';
  const clientId = form.get('client_id') ?? '';
  const resource = resourceOfScope(form.get('scope') ?? '');
  if (!grant)
    return oauthError(ctx, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
  if (clientId.toLowerCase() !== devTenantAppId)
    return oauthError(
      ctx,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId.slice(0, 100)}' was not found in the directory 'Custodian Dev'. The dev tenant's app id is ${devTenantAppId}.`
    );
  if (!resource)
    return oauthError(ctx, 400, 'invalid_scope', 70011, 'The provided value for scope is not valid: name the resource with /.default.');
  const now = ctx.tenant.clock.nowMs();
  if (grant === 'password') {
    const persona = personaBySignInName(form.get('username') ?? '');
    if (!persona) return oauthError(ctx, 400, 'invalid_grant', 50034, `The user account does not exist in the ${tenantId} directory.`);
    if (form.get('password') !== devTenantPassword)
      return oauthError(ctx, 400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.');
    return { status: 200, body: issueUserTokens(ctx.tenant.db, persona, clientId, resource, now) };
  }
  if (grant === 'refresh_token') {
    const persona = redeemRefreshToken(form.get('refresh_token') ?? '', clientId);
    if (!persona) return oauthError(ctx, 400, 'invalid_grant', 700082, 'The refresh token has expired or was revoked. Sign in again.');
    return { status: 200, body: issueUserTokens(ctx.tenant.db, persona, clientId, resource, now) };
  }
  if (grant === 'client_credentials') {
    if (form.get('client_secret') !== devTenantAppSecret)
      return oauthError(
        ctx,
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${devTenantAppId}'.`
      );
    return { status: 200, body: issueAppToken(ctx.tenant.db, clientId, resource, now) };
  }
  return oauthError(ctx, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant.slice(0, 50)}'.`);
}

/** Answers a request to `login.microsoftonline.com`. */
export function serveEntra(ctx: Ctx, rawPath: string): Reply {
  const [tenant = '', ...rest] = rawPath.split('/').filter((s) => s !== '');
  const path = rest.join('/').toLowerCase();
  try {
    if (!isThisTenant(tenant)) return oauthError(ctx, 400, 'invalid_tenant', 90002, `Tenant '${tenant.slice(0, 100)}' not found.`);
    if (ctx.method === 'GET' && path === 'v2.0/.well-known/openid-configuration') return { status: 200, body: openIdConfiguration(tenant) };
    if (ctx.method === 'GET' && path === 'discovery/instance')
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `${login}/${tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: publicHostNames.login,
              preferred_cache: 'login.windows.net',
              aliases: [publicHostNames.login, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net']
            }
          ]
        }
      };
    if (ctx.method === 'POST' && path === 'oauth2/v2.0/token') return tokenRequest(ctx);
    return oauthError(
      ctx,
      404,
      'invalid_request',
      900561,
      `The endpoint '${rawPath.slice(0, 200)}' is not served by the dev tenant's sign-in.`
    );
  } catch (e) {
    if (e instanceof ServiceError) return oauthError(ctx, e.info.status, 'invalid_request', 90014, e.message);
    throw e;
  }
}
