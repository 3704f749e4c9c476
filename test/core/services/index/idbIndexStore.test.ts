/**
 * @jest-environment jsdom
 */
import 'fake-indexeddb/auto';
import { deserialize, serialize } from 'node:v8';
import { createIdbIndexStore } from '../../../../src/core/services/index/createIdbIndexStore';
import type { IndexedItem } from '../../../../src/core/services/index/IndexedItem';

// jsdom has no structuredClone, which fake-indexeddb (like a browser) uses to store values.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

const item = (id: string, name = `Doc ${id}.docx`): IndexedItem => ({
  id,
  siteId: 'host,s,w',
  listId: 'l1',
  name,
  created: '2020-01-01T00:00:00Z',
  isRecord: false,
  columns: { Department: 'Finance' }
});

describe('createIdbIndexStore (IndexedDB through idb, fake-indexeddb in jsdom)', () => {
  it('commits changes per item with the delta link in one transaction, and a reopened database has them', async () => {
    const store = await createIdbIndexStore('test-a');
    expect(await store.load('lib')).toBeUndefined();
    await store.commit('lib', {
      reset: true,
      deltaLink: 'd1',
      syncedAt: '2026-01-01T00:00:00.000Z',
      upserts: [item('1'), item('2'), item('3')],
      removals: []
    });
    await store.commit('other', { reset: true, deltaLink: 'o1', syncedAt: '2026-01-01T00:00:00.000Z', upserts: [item('1')], removals: [] });
    await store.commit('lib', {
      reset: false,
      deltaLink: 'd2',
      syncedAt: '2026-01-02T00:00:00.000Z',
      upserts: [item('2', "O'Brien 🚀.docx")],
      removals: ['3']
    });
    await store.saveFacts({ labels: [], events: [] });
    await store.saveQueueSnapshot({ now: '2026-01-01T00:00:00.000Z', items: [] });
    await store.close();

    const reopened = await createIdbIndexStore('test-a');
    const lib = await reopened.load('lib');
    expect(lib?.deltaLink).toBe('d2');
    expect(lib?.items.map((i) => [i.id, i.name])).toEqual([
      ['1', 'Doc 1.docx'],
      ['2', "O'Brien 🚀.docx"]
    ]);
    expect((await reopened.load('other'))?.items).toHaveLength(1);
    expect(await reopened.loadFacts()).toEqual({ labels: [], events: [] });
    // The last queue is kept beside the facts, each under its own key.
    expect(await reopened.loadQueueSnapshot()).toEqual({ now: '2026-01-01T00:00:00.000Z', items: [] });

    await reopened.commit('lib', {
      reset: true,
      deltaLink: 'd3',
      syncedAt: '2026-01-03T00:00:00.000Z',
      upserts: [item('9')],
      removals: []
    });
    expect((await reopened.load('lib'))?.items.map((i) => i.id)).toEqual(['9']);
    expect((await reopened.load('other'))?.items).toHaveLength(1);
    await reopened.clear('lib');
    expect(await reopened.load('lib')).toBeUndefined();
    await reopened.close();
  });
});
