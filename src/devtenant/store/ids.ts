import crypto from 'node:crypto';

/** A source of uniform numbers in [0, 1): the seeded PRNG while seeding, crypto afterwards. */
export type Rng = () => number;

/** sfc32, seeded through splitmix32: fast, small and the same on every platform. */
export function seededRng(seed: number): Rng {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return (t >>> 0) / 4294967296;
  };
}

export const cryptoRng: Rng = () => crypto.randomBytes(4).readUInt32BE(0) / 4294967296;

function hex(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += Math.floor(rng() * 16).toString(16);
  return out;
}

export function guid(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(rng() * 4)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A OneDrive/SharePoint-style driveItem id: 34 characters, `01` then base32. */
export function driveItemId(rng: Rng): string {
  let out = '01';
  for (let i = 0; i < 32; i++) out += base32[Math.floor(rng() * 32)];
  return out;
}

/** A drive id in SharePoint's `b!` + base64url form. */
export function driveId(rng: Rng): string {
  const bytes = Buffer.alloc(48);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
  return `b!${bytes.toString('base64url')}`;
}

/**
 * A GUID that a name always gives (a field's id: SharePoint gives each column a GUID, the same in every list for its
 * built-in columns, as Title's fa564e0f-0c70-4ab9-b863-0177e6ddd247).
 */
export function nameGuid(name: string): string {
  const h = crypto.createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
