import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
import { createDevTenantTokenProvider } from '../../../src/core/auth/createDevTenantTokenProvider';
import { createNaaTokenProvider } from '../../../src/core/auth/createNaaTokenProvider';
import { createSpfxTokenProvider } from '../../../src/core/auth/createSpfxTokenProvider';
import { CustodianError } from '../../../src/core/http/CustodianError';
import { fakeTiming } from '../support/fakeTiming';
import { startTestTenant, type TestTenant } from '../support/devTenant';

describe('dev tenant personas', () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await startTestTenant(20);
  });
  afterAll(() => tenant.close());

  it('fetches a persona token from /devtenant/token once and reuses it until it nears expiry', async () => {
    const timing = fakeTiming(Date.now());
    let fetches = 0;
    const counting: typeof fetch = (input, init) => {
      fetches++;
      return fetch(input, init);
    };
    const tokens = createDevTenantTokenProvider({ url: tenant.url, persona: 'records-manager', fetch: counting, timing });
    const [a, b] = await Promise.all([
      tokens.getAccessToken('https://graph.microsoft.com'),
      tokens.getAccessToken('https://graph.microsoft.com')
    ]);
    expect(a).toBe(b);
    expect(fetches).toBe(1);
    const me = await fetch(`${tenant.url}/v1.0/me`, { headers: { Authorization: `Bearer ${a}` } });
    expect(((await me.json()) as { userPrincipalName: string }).userPrincipalName).toMatch(/^priya\.raman@/);
    timing.advance(56 * 60 * 1000);
    await tokens.getAccessToken('https://graph.microsoft.com');
    expect(fetches).toBe(2);
  });

  it("says which permissions the persona's token carries, as the dev tenant's token answer lists them", async () => {
    const owner = createDevTenantTokenProvider({ url: tenant.url, persona: 'site-owner' });
    const manager = createDevTenantTokenProvider({ url: tenant.url, persona: 'records-manager' });
    expect(await owner.grantedScopes?.('https://graph.microsoft.com')).toEqual(expect.arrayContaining(['RecordsManagement.Read.All']));
    expect(await owner.grantedScopes?.('https://graph.microsoft.com')).not.toContain('RecordsManagement.ReadWrite.All');
    expect(await manager.grantedScopes?.('https://graph.microsoft.com')).toContain('RecordsManagement.ReadWrite.All');
  });

  it('explains an unknown persona with the dev tenant error', async () => {
    const tokens = createDevTenantTokenProvider({ url: tenant.url, persona: 'nobody' as 'admin' });
    await expect(tokens.getAccessToken('x')).rejects.toMatchObject({ status: 400, what: "Custodian couldn't sign in to the dev tenant." });
  });
});

describe('SPFx', () => {
  it('passes the resource through and turns a failure into a CustodianError without the token', async () => {
    const asked: string[] = [];
    const ok = createSpfxTokenProvider(async (r) => {
      asked.push(r);
      return 'spfx-token';
    });
    await expect(ok.getAccessToken('https://contoso.sharepoint.com')).resolves.toBe('spfx-token');
    expect(asked).toEqual(['https://contoso.sharepoint.com']);
    const failing = createSpfxTokenProvider(() =>
      Promise.reject(Object.assign(new Error('Token request failed'), { errorCode: 'consent_required' }))
    );
    await expect(failing.getAccessToken('https://graph.microsoft.com')).rejects.toMatchObject({
      status: 401,
      code: 'consent_required',
      source: 'entra'
    });
  });
});

describe('NAA (MSAL nested app authentication)', () => {
  const account = {
    homeAccountId: 'h',
    environment: 'login.microsoftonline.com',
    tenantId: 't',
    username: 'ana@contoso.com',
    localAccountId: 'l'
  } as AccountInfo;

  function stubClient(silent: () => Promise<{ accessToken: string; scopes?: string[] }>): {
    client: IPublicClientApplication;
    calls: string[];
    config: unknown[];
  } {
    const calls: string[] = [];
    let active: AccountInfo | null = null;
    const client = {
      getActiveAccount: () => active,
      getAllAccounts: () => [account],
      setActiveAccount: (a: AccountInfo | null) => void (active = a),
      acquireTokenSilent: async (r: { scopes: string[] }) => {
        calls.push(`silent ${r.scopes.join(' ')}`);
        return silent();
      },
      ssoSilent: async () => {
        calls.push('ssoSilent');
        return { accessToken: 'sso' };
      },
      acquireTokenPopup: async (r: { scopes: string[] }) => {
        calls.push(`popup ${r.scopes.join(' ')}`);
        return { accessToken: 'from-popup', account };
      }
    } as unknown as IPublicClientApplication;
    return { client, calls, config: [] };
  }

  it('asks silently for <resource>/.default, with MSAL cache in sessionStorage', async () => {
    const { client, calls } = stubClient(async () => ({ accessToken: 'silent-token' }));
    const seen: unknown[] = [];
    const tokens = createNaaTokenProvider({ clientId: 'app', createClient: async (c) => (seen.push(c), client) });
    await expect(tokens.getAccessToken('https://graph.microsoft.com')).resolves.toBe('silent-token');
    expect(calls).toEqual(['silent https://graph.microsoft.com/.default']);
    expect(seen[0]).toMatchObject({
      auth: { clientId: 'app', authority: 'https://login.microsoftonline.com/common' },
      cache: { cacheLocation: 'sessionStorage' }
    });
  });

  it("says which permissions the token carries, as MSAL's result lists them, in Graph's short names", async () => {
    const { client } = stubClient(async () => ({
      accessToken: 'silent-token',
      scopes: ['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/RecordsManagement.Read.All']
    }));
    const tokens = createNaaTokenProvider({ clientId: 'app', createClient: async () => client });
    expect(await tokens.grantedScopes?.('https://graph.microsoft.com')).toEqual(['User.Read', 'RecordsManagement.Read.All']);
    const { client: silentOnly } = stubClient(async () => ({ accessToken: 'no-scopes' }));
    const unknown = createNaaTokenProvider({ clientId: 'app', createClient: async () => silentOnly });
    expect(await unknown.grantedScopes?.('https://graph.microsoft.com')).toBeUndefined();
  });

  it('falls back to a popup when interaction is required, and only then', async () => {
    const { client, calls } = stubClient(() => Promise.reject(new InteractionRequiredAuthError('interaction_required', 'consent needed')));
    const tokens = createNaaTokenProvider({ clientId: 'app', createClient: async () => client });
    await expect(tokens.getAccessToken('https://contoso.sharepoint.com')).resolves.toBe('from-popup');
    expect(calls).toEqual(['silent https://contoso.sharepoint.com/.default', 'popup https://contoso.sharepoint.com/.default']);

    const other = stubClient(() => Promise.reject(Object.assign(new Error('network down'), { errorCode: 'network_error' })));
    const noPopup = createNaaTokenProvider({ clientId: 'app', createClient: async () => other.client });
    const e = await noPopup.getAccessToken('https://graph.microsoft.com').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CustodianError);
    expect(e).toMatchObject({ code: 'network_error' });
    expect(other.calls).toEqual(['silent https://graph.microsoft.com/.default']);
  });
});
