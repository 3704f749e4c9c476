/**
 * Draws Custodian's icons (an archive box in the brand blue) and writes them as PNG files.
 *
 * The icons are drawn from a few signed-distance shapes rather than kept as opaque binaries, so a
 * reviewer can see what they are and the manifest tests can prove the checked-in files are exactly
 * what this script draws. Same input, same pixels: no clock, no randomness, no system fonts.
 *
 * Run once after changing a shape or a size (the PNG files are committed), from the repository root:
 *   npx tsx scripts/generate-icons.ts
 */
import { deflateSync } from 'zlib';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

/** Fluent's brand colour (`colorBrandBackground`, #0F6CBD). */
export const BRAND: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];

export type Rgb = readonly [number, number, number];

export interface IconSpec {
  /** Path from the repository root. */
  readonly file: string;
  readonly size: number;
  readonly glyph: Rgb;
  /** Absent: transparent background. */
  readonly background?: Rgb;
  /** Share of the icon's side that the glyph's unit square spans, centred. */
  readonly glyphScale: number;
}

/**
 * Office ribbon buttons need 16, 32 and 80 px (the XSD's mandatory `bt:Image size`s); 32 and 64 px are the XML
 * manifest's IconUrl and HighResolutionIconUrl; 128 px is what an AppSource listing asks for. Teams needs a
 * 192 px full-colour icon (symbol inside the central safe area, background to the edge) and a 32 px outline
 * icon that is white on transparent and nothing else.
 */
export const ICONS: readonly IconSpec[] = [
  ...[16, 32, 64, 80, 128].map((size) => ({
    file: `public/assets/icon-${size}.png`,
    size,
    glyph: BRAND,
    glyphScale: 1
  })),
  { file: 'teams/color.png', size: 192, glyph: WHITE, background: BRAND, glyphScale: 0.625 },
  { file: 'teams/outline.png', size: 32, glyph: WHITE, glyphScale: 1 }
];

/** Signed distance from (px, py) to a rounded rectangle; negative inside. Units: the glyph's unit square. */
function roundedBox(px: number, py: number, x0: number, y0: number, x1: number, y1: number, r: number): number {
  const qx = Math.abs(px - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
  const qy = Math.abs(py - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/**
 * The archive box: an overhanging lid, the box, and a handle slot cut through the box. Edges sit on
 * sixteenths of the square so that the 16, 32, 64, 80 and 128 px icons get crisp, whole-pixel edges.
 */
function archiveBox(x: number, y: number): number {
  const lid = roundedBox(x, y, 1 / 16, 2 / 16, 15 / 16, 5 / 16, 1 / 16);
  const body = roundedBox(x, y, 2 / 16, 6 / 16, 14 / 16, 14 / 16, 1 / 16);
  const slot = roundedBox(x, y, 6 / 16, 8 / 16, 10 / 16, 10 / 16, 1 / 16);
  return Math.min(lid, Math.max(body, -slot));
}

/** Renders one icon as straight (not premultiplied) RGBA, row by row. */
export function renderIcon(spec: IconSpec): Uint8Array {
  const { size, glyph, background, glyphScale } = spec;
  const rgba = new Uint8Array(size * size * 4);
  const glyphPx = size * glyphScale;
  const offset = (size - glyphPx) / 2;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      // Sample at the pixel centre; the distance in pixels gives a one-pixel anti-aliased edge.
      const u = (col + 0.5 - offset) / glyphPx;
      const v = (row + 0.5 - offset) / glyphPx;
      const coverage = Math.min(1, Math.max(0, 0.5 - archiveBox(u, v) * glyphPx));
      const i = (row * size + col) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(background[c] + (glyph[c] - background[c]) * coverage);
        rgba[i + 3] = 255;
      } else {
        for (let c = 0; c < 3; c++) rgba[i + c] = glyph[c];
        rgba[i + 3] = Math.round(255 * coverage);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG defines it (ISO 3309); zlib.crc32 only exists from Node 20.15. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** PNG signature (RFC 2083 §3.1). */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA as a PNG: one IDAT, filter type 0 on every row, no ancillary chunks (no timestamps). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0))
  ]);
}

/** Writes every icon under `root` and returns the paths written. */
export function writeIcons(root: string): string[] {
  return ICONS.map((spec) => {
    const target = join(root, spec.file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, encodePng(spec.size, spec.size, renderIcon(spec)));
    return target;
  });
}

if (require.main === module) {
  for (const file of writeIcons(join(__dirname, '..'))) console.log(`wrote ${file}`);
}
