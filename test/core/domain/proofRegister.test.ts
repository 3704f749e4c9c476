import { appendProofEntry } from '../../../src/core/domain/appendProofEntry';
import { canonicalJson } from '../../../src/core/domain/canonicalJson';
import { genesisHash, proofEntryHash, type ProofEntry } from '../../../src/core/domain/proofEntry';
import { sha256Hex } from '../../../src/core/domain/sha256Hex';
import { verifyProofRegister, type ProofProblem } from '../../../src/core/domain/verifyProofRegister';
import { forAllAsync, hostileCharacters, type Random } from './support/random';

async function register(payloads: unknown[]): Promise<ProofEntry[]> {
  const entries: ProofEntry[] = [];
  for (const [index, payload] of payloads.entries()) {
    const result = await appendProofEntry(entries, payload, Date.UTC(2024, 0, 1) + index * 60000);
    if (!result.ok) throw new Error(result.reason);
    entries.push(result.entry);
  }
  return entries;
}

const payload = (rng: Random, index: number): unknown => ({
  itemId: `doc-${index}`,
  outcome: rng.pick(['dispose', 'relabel', 'extend']),
  by: rng.string(hostileCharacters, 1, 12),
  stages: [rng.int(1, 5), rng.bool()],
  note: rng.bool() ? null : rng.string(hostileCharacters, 0, 20)
});

describe('sha256Hex and canonicalJson', () => {
  it('hashes with Web Crypto to the published SHA-256 test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('writes the same text whatever order the properties were added in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toEqual({ ok: true, text: '{"a":{"c":null,"d":[1,"x"]},"b":1}' });
    expect(canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 })).toEqual(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } }));
    expect(canonicalJson({ é: 1, e: 2, Z: 3, '😀': 4 })).toEqual({ ok: true, text: '{"Z":3,"e":2,"é":1,"😀":4}' });
    expect(canonicalJson({ skipped: undefined, kept: -0, n: 1e21, s: 'a\u2028"\n' })).toEqual({
      ok: true,
      text: '{"kept":0,"n":1e+21,"s":"a\u2028\\"\\n"}'
    });
  });

  it.each([
    [Number.NaN, 'The value is NaN'],
    [{ a: [1, Infinity] }, 'a[1] is Infinity'],
    [{ when: new Date(0) }, 'when is a Date (store it as an ISO string)'],
    [{ f: () => 1 }, 'f is a function'],
    [{ big: BigInt(1) }, 'big is a bigint'],
    [{ map: new Map() }, 'map is an object that is not plain data'],
    [[1, undefined], '[1] is undefined'],
    [undefined, 'The value is a undefined']
  ])('refuses %p', (value, reason) => {
    expect(canonicalJson(value)).toEqual({ ok: false, reason: `${reason}, which has no exact JSON form.` });
  });

  it('refuses a value that contains itself, but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toEqual({ ok: true, text: '{"a":{"x":1},"b":{"x":1}}' });
    const loop: Record<string, unknown> = {};
    loop.self = { loop };
    expect(canonicalJson(loop)).toMatchObject({ ok: false, reason: expect.stringContaining('self.loop is a reference to itself') });
    expect(canonicalJson(Object.create(null))).toEqual({ ok: true, text: '{}' });
  });
});

describe('appendProofEntry', () => {
  it('chains each entry to the one before it', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }]);
    expect(entries.map((entry) => [entry.sequence, entry.recordedAt])).toEqual([
      [0, '2024-01-01T00:00:00.000Z'],
      [1, '2024-01-01T00:01:00.000Z']
    ]);
    expect(entries[0].previousHash).toBe(genesisHash);
    expect(entries[1].previousHash).toBe(entries[0].hash);
    expect(entries[0].hash).toBe(
      await sha256Hex(`{"payload":{"a":1},"previousHash":"${genesisHash}","recordedAt":"2024-01-01T00:00:00.000Z","sequence":0}`)
    );
  });

  it('refuses payloads that are not plain JSON and times without a zone', async () => {
    expect(await appendProofEntry([], { when: new Date() }, '2024-01-01T00:00:00Z')).toMatchObject({ ok: false });
    expect(await appendProofEntry([], {}, '2024-01-01 10:00')).toMatchObject({ ok: false });
  });
});

describe('verifyProofRegister', () => {
  it('accepts an untouched register and reports its head', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(await verifyProofRegister(entries)).toEqual({ ok: true, count: 3, headHash: entries[2].hash });
    expect(await verifyProofRegister(entries, { expectedHead: { sequence: 2, hash: entries[2].hash } })).toMatchObject({ ok: true });
    expect(await verifyProofRegister([])).toEqual({ ok: true, count: 0, headHash: genesisHash });
    expect(await verifyProofRegister(JSON.parse(JSON.stringify(entries)) as unknown[])).toMatchObject({ ok: true });
  });

  type Tamper = (
    entries: ProofEntry[],
    rng: Random
  ) => Promise<{ list: unknown[]; problem: ProofProblem; position: number; head?: boolean }>;
  const rehash = async (entry: ProofEntry): Promise<ProofEntry> => ({ ...entry, hash: (await proofEntryHash(entry)) as string });
  const tampers: Record<string, Tamper> = {
    'change a payload': async (entries, rng) => {
      const k = rng.int(0, entries.length - 1);
      const list = entries.map((entry, index) => (index === k ? { ...entry, payload: { forged: true } } : entry));
      return { list, problem: 'altered', position: k };
    },
    'change a payload and recompute its hash': async (entries, rng) => {
      const k = rng.int(0, entries.length - 2);
      const list = [...entries];
      list[k] = await rehash({ ...entries[k], payload: { forged: rng.int(0, 1e6) } });
      return { list, problem: 'altered', position: k };
    },
    'rewrite the newest entry (caught by the head)': async (entries) => {
      const k = entries.length - 1;
      const list = [...entries];
      list[k] = await rehash({ ...entries[k], recordedAt: '1999-01-01T00:00:00.000Z' });
      return { list, problem: 'altered', position: k, head: true };
    },
    'change a hash': async (entries, rng) => {
      const k = rng.int(0, entries.length - 1);
      const list = entries.map((entry, index) =>
        index === k ? { ...entry, hash: entry.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } : entry
      );
      return { list, problem: 'altered', position: k };
    },
    'change a sequence number and recompute the hash': async (entries, rng) => {
      const k = rng.int(0, entries.length - 2);
      const list = [...entries];
      list[k] = await rehash({ ...entries[k], sequence: entries[k].sequence + rng.int(2, 9) });
      return { list, problem: 'altered', position: k };
    },
    'break an entry into something that is not an entry': async (entries, rng) => {
      const k = rng.int(0, entries.length - 1);
      const list: unknown[] = [...entries];
      list[k] = rng.pick([null, 'text', { ...entries[k], hash: 'short' }, { ...entries[k], extra: 1 }]);
      return { list, problem: 'altered', position: k };
    },
    'remove an entry': async (entries, rng) => {
      const k = rng.int(0, entries.length - 2);
      return { list: entries.filter((_, index) => index !== k), problem: 'removed', position: k };
    },
    'remove the newest entries (caught by the head)': async (entries, rng) => {
      const keep = rng.int(0, entries.length - 1);
      return { list: entries.slice(0, keep), problem: 'removed', position: keep, head: true };
    },
    'insert a well-formed forged entry': async (entries, rng) => {
      const k = rng.int(0, entries.length - 1);
      const forged = await rehash({
        sequence: k,
        recordedAt: '2024-01-01T00:00:30.000Z',
        payload: { itemId: 'forged' },
        previousHash: k === 0 ? genesisHash : entries[k - 1].hash,
        hash: ''
      });
      return { list: [...entries.slice(0, k), forged, ...entries.slice(k)], problem: 'inserted', position: k };
    },
    'insert a careless forged entry': async (entries, rng) => {
      const k = rng.int(0, entries.length - 1);
      const forged = { sequence: rng.int(0, 99), recordedAt: 'x', payload: 1, previousHash: genesisHash, hash: 'f'.repeat(64) };
      return { list: [...entries.slice(0, k), forged, ...entries.slice(k)], problem: 'inserted', position: k };
    },
    'insert a copy of another entry': async (entries, rng) => {
      const k = rng.int(0, entries.length - 1);
      const copy = entries[rng.int(0, entries.length - 1)];
      const list = [...entries.slice(0, k), copy, ...entries.slice(k)];
      // A copy placed just before its original cannot be told from it; the later of the two is named.
      return { list, problem: 'inserted', position: copy.sequence === k ? k + 1 : k };
    },
    'swap two neighbours': async (entries, rng) => {
      const k = rng.int(0, entries.length - 2);
      const list = [...entries];
      [list[k], list[k + 1]] = [list[k + 1], list[k]];
      return { list, problem: 'reordered', position: k };
    },
    'move an entry elsewhere': async (entries, rng) => {
      const from = rng.int(0, entries.length - 1);
      let to = rng.int(0, entries.length - 1);
      if (to === from) to = (from + 1) % entries.length;
      const list = [...entries];
      const [moved] = list.splice(from, 1);
      list.splice(to, 0, moved);
      return { list, problem: 'reordered', position: Math.min(from, to) };
    }
  };

  it.each(Object.keys(tampers))('finds any single tampering: %s', async (name) => {
    await forAllAsync(25, async (rng) => {
      const entries = await register(Array.from({ length: rng.int(3, 8) }, (_, index) => payload(rng, index)));
      const { list, problem, position, head } = await tampers[name](entries, rng);
      const expectedHead = head === true ? { sequence: entries.length - 1, hash: entries[entries.length - 1].hash } : undefined;
      const result = await verifyProofRegister(list, { expectedHead });
      expect(result).toMatchObject({ ok: false, problem, position });
      expect(!result.ok && result.reason).toMatch(/^[A-Z].*[.]$/);
    });
  });

  it("names the previous entry when an entry's link alone was rewritten and re-hashed", async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }]);
    const list = [...entries];
    list[2] = await rehash({ ...entries[2], previousHash: 'a'.repeat(64) });
    expect(await verifyProofRegister(list)).toMatchObject({ ok: false, problem: 'altered', position: 2 });
    const first = [...entries];
    first[0] = await rehash({ ...entries[0], previousHash: 'b'.repeat(64) });
    expect(await verifyProofRegister(first)).toMatchObject({ ok: false, problem: 'altered', position: 0 });
  });
});

describe('proof register edge cases', () => {
  it('reports an old entry replayed at the end as inserted', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(await verifyProofRegister([...entries, entries[0]])).toMatchObject({ ok: false, problem: 'inserted', position: 3 });
  });

  it('treats an entry whose payload is not plain data as altered', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }]);
    expect(await verifyProofRegister([entries[0], { ...entries[1], payload: new Date(0) }])).toMatchObject({
      ok: false,
      problem: 'altered',
      position: 1
    });
  });

  it('reports that the head entry was rewritten when the chain is consistent but the head hash differs', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }]);
    const result = await verifyProofRegister(entries, { expectedHead: { sequence: 0, hash: 'c'.repeat(64) } });
    expect(result).toMatchObject({ ok: false, problem: 'altered', position: 0 });
  });

  it('says clearly when the host has no Web Crypto', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      await expect(sha256Hex('abc')).rejects.toThrow('Web Crypto (crypto.subtle) is not available here');
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor as PropertyDescriptor);
    }
    expect(await sha256Hex('abc')).toHaveLength(64);
  });
});
