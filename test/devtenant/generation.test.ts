import { TestTenant } from './helpers';

// The demo Teams tab keeps its index in IndexedDB named after the tenant's generation (src/teams/index.tsx), so that a
// reload shows the queue read last while a reset tenant never meets the index of the one before.
let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ items: 20, seed: 3 });
});
afterAll(() => t.running.close());

const generation = async (): Promise<unknown> =>
  ((await (await fetch(`${t.url}/devtenant`)).json()) as { store: { generation: unknown } }).store.generation;

it('names the tenant with an id that stays while it lives and changes with every reset, even to the same seed', async () => {
  const first = await generation();
  expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(await generation()).toBe(first);
  const reset = await fetch(`${t.url}/devtenant/reset`, {
    method: 'POST',
    headers: { origin: t.url, 'content-type': 'application/json' },
    body: JSON.stringify({ seed: 3, items: 20 })
  });
  expect(reset.status).toBe(200);
  const second = await generation();
  expect(second).toMatch(/^[0-9a-f-]{36}$/);
  expect(second).not.toBe(first);
});
