/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON as a client would, loosely. */
// The dev tenant's Entra ID stand-in and app-only identity, called over https by Microsoft 365's own host names as a
// client process mapped to the dev tenant sees them. Outside truth: the Microsoft identity platform's documented
// answers (OAuth 2.0 ROPC and client credentials flows; AADSTS error codes) and the permissions tables of the Graph
// pages ("Application: Not supported" for retention labels, RecordsManagement.Read.All for event types), Graph's
// "/me request is only valid with delegated authentication flow." and SharePoint's "Unsupported app only token.".
import fs from 'node:fs';
import https from 'node:https';
import { tenantId } from '../../src/devtenant/auth/personas';
import { devTenantAppId, devTenantAppSecret, devTenantPassword } from '../../src/devtenant/entra/entraTokens';
import { startDevTenant, type RunningDevTenant } from '../../src/devtenant/index';

let tenant: RunningDevTenant;
let ca: string;

beforeAll(async () => {
  tenant = await startDevTenant({ memory: true, items: 30, publicHosts: {} });
  ca = fs.readFileSync(tenant.publicHosts!.caFile, 'utf8');
});
afterAll(() => tenant.close());

/** One https request to a Microsoft 365 host name, as a mapped client process sends it. */
function call(host: string, method: string, path: string, options: { token?: string; form?: Record<string, string> } = {}) {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: tenant.publicHosts!.port,
        servername: host,
        ca,
        method,
        path,
        headers: {
          host,
          accept: 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {})
        }
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

const tokenPath = `/${tenantId}/oauth2/v2.0/token`;
const claims = (jwt: string): any => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

describe('signing a person in (resource owner password credentials)', () => {
  it('issues a JWT for the resource that the dev tenant then accepts, with the person’s claims', async () => {
    const res = await call('login.microsoftonline.com', 'POST', tokenPath, {
      form: {
        grant_type: 'password',
        client_id: devTenantAppId,
        username: 'Priya.Raman@custodiandev.onmicrosoft.com',
        password: devTenantPassword,
        scope: 'https://graph.microsoft.com/.default openid profile offline_access'
      }
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String), id_token: expect.any(String) });
    expect(claims(res.json.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      upn: 'priya.raman@custodiandev.onmicrosoft.com',
      tid: tenantId,
      idtyp: 'user'
    });
    const me = await call('graph.microsoft.com', 'GET', '/v1.0/me', { token: res.json.access_token });
    expect(me.json.userPrincipalName).toBe('priya.raman@custodiandev.onmicrosoft.com');
    const site = await call('graph.microsoft.com', 'GET', '/v1.0/sites/root', { token: res.json.access_token });
    // URLs are on the tenant's own host names: the CLI finds SharePoint from the root site's webUrl.
    expect(site.json.webUrl).toBe('https://custodiandev.sharepoint.com');
  });

  it.each([
    [{ password: 'wrong' }, 'invalid_grant', 50126],
    [{ username: 'nobody@custodiandev.onmicrosoft.com' }, 'invalid_grant', 50034],
    [{ client_id: '00000000-0000-0000-0000-000000000001' }, 'unauthorized_client', 700016]
  ])('refuses %j with Entra’s error', async (change, error, code) => {
    const res = await call('login.microsoftonline.com', 'POST', tokenPath, {
      form: {
        grant_type: 'password',
        client_id: devTenantAppId,
        username: 'priya.raman@custodiandev.onmicrosoft.com',
        password: devTenantPassword,
        scope: 'https://graph.microsoft.com/.default',
        ...change
      }
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error, error_codes: [code] });
    expect(res.json.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
  });
});

describe('the app signed in as itself (client credentials)', () => {
  let token: string;
  beforeAll(async () => {
    const res = await call('login.microsoftonline.com', 'POST', tokenPath, {
      form: {
        grant_type: 'client_credentials',
        client_id: devTenantAppId,
        client_secret: devTenantAppSecret,
        scope: 'https://graph.microsoft.com/.default'
      }
    });
    expect(res.status).toBe(200);
    expect(res.json.refresh_token).toBeUndefined();
    token = res.json.access_token;
    expect(claims(token)).toMatchObject({ idtyp: 'app', roles: expect.arrayContaining(['RecordsManagement.ReadWrite.All']) });
    expect(claims(token).upn).toBeUndefined();
  });

  it('refuses a wrong secret with AADSTS7000215', async () => {
    const res = await call('login.microsoftonline.com', 'POST', tokenPath, {
      form: {
        grant_type: 'client_credentials',
        client_id: devTenantAppId,
        client_secret: 'nope',
        scope: 'https://graph.microsoft.com/.default'
      }
    });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });

  it('reads event types (application permission supported) and is refused retention labels (not supported) and /me', async () => {
    expect((await call('graph.microsoft.com', 'GET', '/v1.0/security/triggerTypes/retentionEventTypes', { token })).status).toBe(200);
    const labels = await call('graph.microsoft.com', 'GET', '/v1.0/security/labels/retentionLabels', { token });
    expect(labels.status).toBe(403);
    expect(labels.json.error.message).toContain('application permissions');
    const me = await call('graph.microsoft.com', 'GET', '/v1.0/me', { token });
    expect(me.status).toBe(400);
    expect(me.json.error).toMatchObject({ code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' });
  });

  it('is refused by SharePoint REST, which takes app-only tokens from a certificate only', async () => {
    const res = await call('custodiandev.sharepoint.com', 'GET', '/sites/legal/_api/web', { token });
    expect(res.status).toBe(401);
    expect(res.json['odata.error'].message.value).toBe('Unsupported app only token.');
  });
});
