import fc from 'fast-check';
import { appendProofEntry } from '../../../src/core/domain/appendProofEntry';
import { canonicalJson } from '../../../src/core/domain/canonicalJson';
import { genesisHash, proofEntryHash, type ProofEntry } from '../../../src/core/domain/proofEntry';
import { sha256Hex } from '../../../src/core/domain/sha256Hex';
import { verifyProofRegister, type ProofProblem } from '../../../src/core/domain/verifyProofRegister';
import { hostileText } from './support/arbitraries';
import { propertyRuns } from '../../support/propertyRuns';

async function register(payloads: unknown[]): Promise<ProofEntry[]> {
  const entries: ProofEntry[] = [];
  for (const [index, payload] of payloads.entries()) {
    const result = await appendProofEntry(entries, payload, Date.UTC(2024, 0, 1) + index * 60000);
    if (!result.ok) throw new Error(result.reason);
    entries.push(result.entry);
  }
  return entries;
}

/** An entry with its hash recomputed, as a forger who knows the algorithm would write it. */
const rehash = async (entry: ProofEntry): Promise<ProofEntry> => ({ ...entry, hash: (await proofEntryHash(entry)) as string });

/** A payload like the register's own (dispositions, decisions), with hostile text, or any JSON value. */
const payload: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    itemId: fc.string({ maxLength: 8 }).map((id) => `doc-${id}`),
    outcome: fc.constantFrom('dispose', 'relabel', 'extend'),
    by: hostileText(1, 12),
    stages: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.boolean()),
    note: fc.option(hostileText(0, 20))
  }),
  fc.jsonValue({ maxDepth: 2 })
);

/** Payloads for a register of 3 to 8 entries. */
const payloads = fc.array(payload, { minLength: 3, maxLength: 8 });

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

  it('writes any JSON value so that it reads back the same, whatever order its keys were built in', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, item]) => [key, reversed(item)])
            )
          : value;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const written = canonicalJson(value);
        if (!written.ok) throw new Error(written.reason);
        expect(JSON.parse(written.text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reversed(value))).toEqual(written);
      }),
      propertyRuns(300)
    );
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

  it('accepts any untouched register, also after a trip through JSON storage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(payload, { maxLength: 8 }), async (contents) => {
        const entries = await register(contents);
        const head = entries.length === 0 ? genesisHash : entries[entries.length - 1].hash;
        expect(await verifyProofRegister(entries)).toEqual({ ok: true, count: entries.length, headHash: head });
        const stored = JSON.parse(JSON.stringify(entries)) as unknown[];
        const expectedHead = entries.length === 0 ? undefined : { sequence: entries.length - 1, hash: head };
        expect(await verifyProofRegister(stored, { expectedHead })).toMatchObject({ ok: true });
      }),
      propertyRuns(40)
    );
  });

  /** The random choices a tampering makes; positions are taken modulo the register's length. */
  interface Choice {
    first: number;
    second: number;
    variant: number;
    payload: unknown;
    text: string;
    hex: string;
    order: number[];
  }
  const choice: fc.Arbitrary<Choice> = fc.record({
    // Unbiased, so that positions are spread over the whole register rather than crowding its start.
    first: fc.noBias(fc.nat()),
    second: fc.noBias(fc.nat()),
    variant: fc.nat(),
    payload,
    text: fc.string({ maxLength: 30 }),
    hex: fc.stringMatching(/^[0-9a-f]{64}$/),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 })
  });
  /** What was done, and what verification must report; `undefined` when the choice changed nothing. */
  type Tampered = { list: unknown[]; problem: ProofProblem; position: number; head?: boolean } | undefined;
  type Tamper = (entries: ProofEntry[], choice: Choice) => Promise<Tampered>;
  const samePayload = (a: unknown, b: unknown): boolean => JSON.stringify(canonicalJson(a)) === JSON.stringify(canonicalJson(b));
  const replaced = (entries: readonly unknown[], position: number, entry: unknown): unknown[] =>
    entries.map((original, index) => (index === position ? entry : original));
  const inserted = (entries: readonly unknown[], position: number, entry: unknown): unknown[] => [
    ...entries.slice(0, position),
    entry,
    ...entries.slice(position)
  ];

  const tampers: Record<string, Tamper> = {
    'change a payload': async (entries, { first, payload: forged }) => {
      const k = first % entries.length;
      if (samePayload(forged, entries[k].payload)) return undefined;
      return { list: replaced(entries, k, { ...entries[k], payload: forged }), problem: 'altered', position: k };
    },
    'change any one field, leaving the hash': async (entries, { first, second, variant, payload: forged, text, hex }) => {
      const k = first % entries.length;
      const entry = entries[k];
      const field = (['sequence', 'recordedAt', 'payload', 'previousHash'] as const)[variant % 4];
      const value = { sequence: second, recordedAt: text, payload: forged, previousHash: hex }[field];
      if (field === 'payload' ? samePayload(value, entry.payload) : value === entry[field]) return undefined;
      return { list: replaced(entries, k, { ...entry, [field]: value }), problem: 'altered', position: k };
    },
    'change a payload and recompute its hash': async (entries, { first, payload: forged }) => {
      const k = first % (entries.length - 1);
      if (samePayload(forged, entries[k].payload)) return undefined;
      return { list: replaced(entries, k, await rehash({ ...entries[k], payload: forged })), problem: 'altered', position: k };
    },
    'rewrite the newest entry (caught by the head)': async (entries, { variant, payload: forged, text }) => {
      const k = entries.length - 1;
      const rewritten = variant % 2 === 0 ? { ...entries[k], recordedAt: text } : { ...entries[k], payload: forged };
      if (rewritten.recordedAt === entries[k].recordedAt && samePayload(rewritten.payload, entries[k].payload)) return undefined;
      return { list: replaced(entries, k, await rehash(rewritten)), problem: 'altered', position: k, head: true };
    },
    'change a hash': async (entries, { first, hex }) => {
      const k = first % entries.length;
      if (hex === entries[k].hash) return undefined;
      return { list: replaced(entries, k, { ...entries[k], hash: hex }), problem: 'altered', position: k };
    },
    'change a sequence number and recompute the hash': async (entries, { first, second }) => {
      const k = first % entries.length;
      if (second === k) return undefined;
      return { list: replaced(entries, k, await rehash({ ...entries[k], sequence: second })), problem: 'altered', position: k };
    },
    'break an entry into something that is not an entry': async (entries, { first, variant, text }) => {
      const k = first % entries.length;
      const { payload: _dropped, ...withoutPayload } = entries[k];
      const broken = [
        null,
        text,
        { ...entries[k], hash: 'short' },
        { ...entries[k], extra: 1 },
        withoutPayload,
        { ...entries[k], sequence: -1 },
        { ...entries[k], sequence: k + 0.5 },
        { ...entries[k], previousHash: entries[k].previousHash.toUpperCase() }
      ][variant % 8];
      if (JSON.stringify(broken) === JSON.stringify(entries[k])) return undefined;
      return { list: replaced(entries, k, broken), problem: 'altered', position: k };
    },
    'remove an entry': async (entries, { first }) => {
      const k = first % (entries.length - 1);
      return { list: entries.filter((_, index) => index !== k), problem: 'removed', position: k };
    },
    'remove several neighbouring entries': async (entries, { first, second }) => {
      const k = first % (entries.length - 1);
      const count = 1 + (second % (entries.length - 1 - k));
      return { list: [...entries.slice(0, k), ...entries.slice(k + count)], problem: 'removed', position: k };
    },
    'remove the newest entries (caught by the head)': async (entries, { first }) => {
      const keep = first % entries.length;
      return { list: entries.slice(0, keep), problem: 'removed', position: keep, head: true };
    },
    'insert a well-formed forged entry': async (entries, { first, payload: forged, text }) => {
      const k = first % entries.length;
      const entry = await rehash({
        sequence: k,
        recordedAt: text,
        payload: forged,
        previousHash: k === 0 ? genesisHash : entries[k - 1].hash,
        hash: ''
      });
      if (entry.hash === entries[k].hash) return undefined;
      return { list: inserted(entries, k, entry), problem: 'inserted', position: k };
    },
    'insert a careless forged entry': async (entries, { first, second, payload: forged, text, hex }) => {
      const k = first % entries.length;
      const entry = { sequence: second % 100, recordedAt: text, payload: forged, previousHash: genesisHash, hash: hex };
      return { list: inserted(entries, k, entry), problem: 'inserted', position: k };
    },
    'insert a copy of another entry, anywhere': async (entries, { first, second }) => {
      const k = first % (entries.length + 1);
      const copy = entries[second % entries.length];
      // A copy placed just before its original cannot be told from it; the later of the two is named.
      return { list: inserted(entries, k, copy), problem: 'inserted', position: copy.sequence === k ? k + 1 : k };
    },
    'swap two neighbours': async (entries, { first }) => {
      const k = first % (entries.length - 1);
      const list = [...entries];
      [list[k], list[k + 1]] = [list[k + 1], list[k]];
      return { list, problem: 'reordered', position: k };
    },
    'move an entry elsewhere': async (entries, { first, second }) => {
      const from = first % entries.length;
      const to = second % entries.length;
      if (from === to) return undefined;
      const list = [...entries];
      const [moved] = list.splice(from, 1);
      list.splice(to, 0, moved);
      return { list, problem: 'reordered', position: Math.min(from, to) };
    },
    'shuffle the entries in any order': async (entries, { order }) => {
      const list = entries
        .map((entry, index) => ({ entry, key: order[index] }))
        .sort((a, b) => a.key - b.key)
        .map(({ entry }) => entry);
      const displaced = list.findIndex((entry, index) => entry.sequence !== index);
      if (displaced === -1) return undefined;
      return { list, problem: 'reordered', position: displaced };
    }
  };

  it.each(Object.keys(tampers))('finds any single tampering and names the first entry affected: %s', async (name) => {
    await fc.assert(
      fc.asyncProperty(payloads, choice, async (contents, picked) => {
        const entries = await register(contents);
        const tampered = await tampers[name](entries, picked);
        fc.pre(tampered !== undefined);
        const { list, problem, position, head } = tampered!;
        const expectedHead = head === true ? { sequence: entries.length - 1, hash: entries[entries.length - 1].hash } : undefined;
        const result = await verifyProofRegister(list, { expectedHead });
        expect(result).toMatchObject({ ok: false, problem, position });
        expect(!result.ok && result.reason).toMatch(/^[A-Z].*[.]$/);
      }),
      propertyRuns(40)
    );
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
  it('reports an old entry replayed at the end as inserted, the newest one too', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(await verifyProofRegister([...entries, entries[0]])).toMatchObject({ ok: false, problem: 'inserted', position: 3 });
    expect(await verifyProofRegister([...entries, entries[2]])).toMatchObject({ ok: false, problem: 'inserted', position: 3 });
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

// Named cases for what the properties above sample rarely: each one a tampering a records manager could meet,
// and the words the verification report shows them.
describe('proof register: the cases the samples rarely reach, and what the report says', () => {
  /** Recomputes every link and hash from `from` on, as someone rewriting the register by script would. */
  const rechain = async (entries: ProofEntry[], from: number): Promise<ProofEntry[]> => {
    const list = [...entries];
    for (let index = from + 1; index < list.length; index += 1) {
      list[index] = await rehash({ ...list[index], previousHash: list[index - 1].hash });
    }
    return list;
  };

  it('reports the newest entry renumbered and re-hashed as altered, not as the register reordered', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const list = [...entries.slice(0, 2), await rehash({ ...entries[2], sequence: 7 })];
    expect(await verifyProofRegister(list)).toEqual({
      ok: false,
      problem: 'altered',
      position: 2,
      reason: 'Entry 2 was altered: its sequence number was changed.'
    });
  });

  it('names the first entry when the whole register was rebuilt from a different start', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const rebuilt = await rechain([await rehash({ ...entries[0], previousHash: 'c'.repeat(64) }), ...entries.slice(1)], 0);
    expect(await verifyProofRegister(rebuilt)).toEqual({
      ok: false,
      problem: 'altered',
      position: 0,
      reason: 'Entry 0 was altered and its hash recomputed: the chain breaks after it.'
    });
  });

  it('does not call a register rebuilt from another start and then shuffled merely reordered', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const rebuilt = await rechain([await rehash({ ...entries[0], previousHash: 'c'.repeat(64) }), ...entries.slice(1)], 0);
    const result = await verifyProofRegister([rebuilt[1], rebuilt[0], rebuilt[2]]);
    // Every entry is there and consistent in itself, but the chain does not start at the genesis hash: the first
    // position is named, and "reordered" (which would mean that sorting restores a sound register) is not said.
    expect(result).toMatchObject({ ok: false, position: 0 });
    expect(!result.ok && result.problem).not.toBe('reordered');
  });

  it('does not call entries missing that are still there, further down, behind a broken one', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }, { e: 5 }]);
    const list = [entries[0], entries[4], null, entries[1], entries[2], entries[3]];
    expect(await verifyProofRegister(list)).toEqual({
      ok: false,
      problem: 'inserted',
      position: 1,
      reason: 'The entry at position 1 does not belong in the chain here.'
    });
  });

  it('says what is wrong with an entry that is no entry at all, or whose content changed', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const unreadable = {
      ok: false,
      problem: 'altered',
      position: 1,
      reason: 'Entry 1 was altered: its content no longer matches its hash.'
    };
    expect(await verifyProofRegister([entries[0], null, entries[2]])).toEqual(unreadable);
    expect(await verifyProofRegister([entries[0], { ...entries[1], payload: { b: 3 } }, entries[2]])).toEqual(unreadable);
  });

  it('counts the entries that are missing, one or several', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }, { e: 5 }]);
    expect(await verifyProofRegister([...entries.slice(0, 2), ...entries.slice(3)])).toMatchObject({
      problem: 'removed',
      position: 2,
      reason: 'Entry 2 is missing: position 2 holds entry 3.'
    });
    expect(await verifyProofRegister([entries[0], ...entries.slice(3)])).toMatchObject({
      problem: 'removed',
      position: 1,
      reason: 'Entries 1 to 2 are missing: position 1 holds entry 3.'
    });
    const head = { sequence: 4, hash: entries[4].hash };
    expect(await verifyProofRegister(entries.slice(0, 2), { expectedHead: head })).toEqual({
      ok: false,
      problem: 'removed',
      position: 2,
      reason: 'The register ends at entry 1, but entry 4 was recorded: the newest entries were removed.'
    });
  });

  it('names a forged entry appended at the end, never the genuine newest entry it imitates', async () => {
    const entries = await register([{ a: 1 }, { b: 2 }, { c: 3 }]);
    // Claims the newest entry's number with its own link: position 3 is named, not entry 2.
    const sameNumber = await rehash({ ...entries[2], previousHash: 'd'.repeat(64), payload: { forged: true } });
    expect(await verifyProofRegister([...entries, sameNumber])).toMatchObject({ problem: 'inserted', position: 3 });
    // A copy of the newest entry renumbered far ahead: its gap is reported at position 3, and entry 2 is not blamed.
    const renumbered = await rehash({ ...entries[2], sequence: 7 });
    expect(await verifyProofRegister([...entries, renumbered])).toMatchObject({ problem: 'removed', position: 3 });
  });

  it('refuses to add an entry at a time without a zone, and says so', async () => {
    expect(await appendProofEntry([], { a: 1 }, '2024-01-01 10:00')).toEqual({
      ok: false,
      reason: 'The time of the entry is not a valid date with a time zone.'
    });
  });
});
