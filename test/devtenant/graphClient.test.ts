import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
  PageIterator,
  GraphError
} from '@microsoft/microsoft-graph-client';
import { TestTenant } from './helpers';

/** The SDK's own auth middleware drops Authorization for hosts that are not Graph's; this one does not. */
class BearerMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly token: string) {}
  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    options.headers = { ...(options.headers as Record<string, string>), Authorization: `Bearer ${this.token}` };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * The SDK only recognises absolute `https://` URLs (GraphRequest.parsePath); the dev tenant is plain http, so
 * an absolute `@odata.nextLink` is appended to the base URL. This undoes that, and nothing else.
 */
class LoopbackNextLinkMiddleware implements Middleware {
  private next?: Middleware;
  async execute(context: Context): Promise<void> {
    if (typeof context.request === 'string')
      context.request = context.request.replace(/^https?:\/\/[^/]+\/[^/]+\/(http:\/\/127\.0\.0\.1:\d+\/)/, '$1');
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

let t: TestTenant;
let client: Client;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 17, items: 300 });
  const auth = new BearerMiddleware(await t.token('office-worker'));
  const links = new LoopbackNextLinkMiddleware();
  auth.setNext(links);
  links.setNext(new HTTPMessageHandler());
  client = Client.initWithMiddleware({ baseUrl: `${t.url}/`, defaultVersion: 'v1.0', middleware: auth });
});
afterAll(() => t.close());

describe('@microsoft/microsoft-graph-client against the dev tenant', () => {
  test('PageIterator follows @odata.nextLink to the end', async () => {
    const drive = await client.api('/sites/custodiandev.sharepoint.com:/sites/finance:/drive').get();
    const first = await client.api(`/drives/${drive.id}/root/children`).top(4).get();
    expect(first['@odata.nextLink']).toBeDefined();
    const names: string[] = [];
    const iterator = new PageIterator(client, first, (item: { name: string }) => {
      names.push(item.name);
      return true;
    });
    await iterator.iterate();
    const all = await client.api(`/drives/${drive.id}/root/children`).top(999).get();
    expect(names).toEqual(all.value.map((v: { name: string }) => v.name));
  });

  test('PageIterator over list item delta: $expand survives every nextLink, then the deltaLink', async () => {
    const site = await client.api('/sites/custodiandev.sharepoint.com:/sites/finance').get();
    const list = await client.api(`/sites/${site.id}/lists/Invoices`).get();
    const delta = `/sites/${site.id}/lists/${list.id}/items/delta`;
    const first = await client.api(delta).expand('fields($select=Title,_IsRecord)').top(4).get();
    expect(first['@odata.nextLink']).toBeDefined();
    const items: { id: string; fields?: { Title?: string; _IsRecord?: boolean } }[] = [];
    const iterator = new PageIterator(client, first, (item: (typeof items)[number]) => {
      items.push(item);
      return true;
    });
    await iterator.iterate();
    expect(items.length).toBeGreaterThan(8);
    expect(items.every((i) => i.fields !== undefined && 'Title' in i.fields)).toBe(true);
    const deltaLink = iterator.getDeltaLink();
    expect(deltaLink).toBeDefined();
    const target = items.find((i) => i.fields?._IsRecord === false);
    await client.api(`/sites/${site.id}/lists/${list.id}/items/${target?.id}/fields`).patch({ Title: 'Changed through the SDK' });
    const changes = await client.api(deltaLink as string).get();
    expect(changes.value).toEqual([
      expect.objectContaining({ id: target?.id, fields: expect.objectContaining({ Title: 'Changed through the SDK' }) })
    ]);
  });

  test('BatchRequestContent with dependsOn, read back with BatchResponseContent', async () => {
    const me = { id: 'me', request: new Request('http://localhost/me') };
    const labels = {
      id: 'labels',
      request: new Request('http://localhost/security/labels/retentionLabels?$select=id,displayName'),
      dependsOn: ['me']
    };
    const missing = { id: 'missing', request: new Request('http://localhost/drives/b!nope/root'), dependsOn: ['me'] };
    const content = new BatchRequestContent([me, labels, missing]);
    const raw = await client.api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(raw);
    expect(responses.getResponseById('me').status).toBe(200);
    expect(((await responses.getResponseById('labels').json()) as { value: unknown[] }).value.length).toBeGreaterThanOrEqual(15);
    expect(responses.getResponseById('missing').status).toBe(404);
  });

  test('errors surface as GraphError with code and request id', async () => {
    try {
      await client.api('/security/labels/retentionLabels').post({ displayName: 'x' });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(GraphError);
      const err = e as GraphError;
      expect(err.statusCode).toBe(403);
      expect(err.code).toBe('accessDenied');
      expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
