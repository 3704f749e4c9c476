import { readFileSync } from 'fs';
import { join } from 'path';
import { inflateSync } from 'zlib';
import { BRAND, ICONS, renderIcon } from '../../scripts/generate-icons';
import { LOCAL_ORIGIN, readPngHeader } from '../../scripts/lib/manifests';
import { addinXml, ASSETS_DIR, ROOT, TEAMS_DIR, teamsManifest } from './files';

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunks(png: Buffer): Chunk[] {
  const found: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = crc32(png.subarray(at + 4, at + 8 + length)) === png.readUInt32BE(at + 8 + length);
    found.push({ type, data, crcOk });
    at += 12 + length;
  }
  return found;
}

/** RGBA pixels of an 8-bit RGBA PNG whose rows all use filter 0, which is what the generator writes. */
function pixels(png: Buffer): Uint8Array {
  const { width, height } = readPngHeader(png);
  const raw = inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data)
    )
  );
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    out.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return out;
}

/** `https://localhost:4321/assets/icon-16.png` -> public/assets/icon-16.png */
function assetFile(url: string): string {
  expect(url.startsWith(`${LOCAL_ORIGIN}/assets/`)).toBe(true);
  return join(ASSETS_DIR, url.slice(`${LOCAL_ORIGIN}/assets/`.length));
}

function expectPngOfSize(file: string, size: number): void {
  const header = readPngHeader(readFileSync(file));
  expect({ file, width: header.width, height: header.height }).toEqual({ file, width: size, height: size });
}

describe('icons', () => {
  it.each(ICONS.map((spec) => [spec.file, spec] as const))('%s is a well-formed 8-bit RGBA PNG', (file, spec) => {
    const png = readFileSync(join(ROOT, file));
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const ihdr = list[0].data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[12]]).toEqual([spec.size, spec.size, 8, 6, 0]);
  });

  it.each(ICONS.map((spec) => [spec.file, spec] as const))('%s is exactly what scripts/generate-icons.ts draws', (file, spec) => {
    expect(Buffer.from(pixels(readFileSync(join(ROOT, file)))).equals(Buffer.from(renderIcon(spec)))).toBe(true);
  });

  it('manifest.xml names icons whose files have the sizes it declares', () => {
    const xml = addinXml();
    const declared = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)].map((m) => ({ size: Number(m[1]), resid: m[2] }));
    expect(declared.length).toBeGreaterThanOrEqual(3);
    for (const { size, resid } of declared) {
      const url = new RegExp(`<bt:Image id="${resid.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(xml)![1];
      expectPngOfSize(assetFile(url), size);
    }
    expectPngOfSize(assetFile(/<IconUrl DefaultValue="([^"]+)"/.exec(xml)![1]), 32);
    expectPngOfSize(assetFile(/<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml)![1]), 64);
  });

  it('the Teams manifest names icons whose files have the sizes it declares', () => {
    const manifest = teamsManifest();
    expectPngOfSize(join(TEAMS_DIR, manifest.icons.color), 192);
    expectPngOfSize(join(TEAMS_DIR, manifest.icons.outline), 32);
    const ribbonIcons = manifest.extensions![0].ribbons!.flatMap((ribbon) =>
      ribbon.tabs.flatMap((tab) =>
        (tab.groups ?? []).flatMap((group) => [...(group.icons ?? []), ...(group.controls ?? []).flatMap((c) => c.icons)])
      )
    );
    expect(ribbonIcons.length).toBeGreaterThanOrEqual(6);
    for (const icon of ribbonIcons) expectPngOfSize(assetFile(icon.url), icon.size);
  });

  it('the Teams outline icon is white on transparent', () => {
    const rgba = pixels(readFileSync(join(TEAMS_DIR, 'outline.png')));
    let transparent = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) transparent++;
      else expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([255, 255, 255]);
    }
    // A glyph, not a filled square: at least a quarter of the pixels are fully transparent.
    expect(transparent).toBeGreaterThan(rgba.length / 4 / 4);
  });

  it('the Teams colour icon is opaque, in the brand colour to its edges', () => {
    const rgba = pixels(readFileSync(join(TEAMS_DIR, 'color.png')));
    for (let i = 3; i < rgba.length; i += 4) expect(rgba[i]).toBe(255);
    expect([...rgba.subarray(0, 3)]).toEqual([...BRAND]);
  });

  it('readPngHeader refuses a file that is not a PNG', () => {
    expect(() => readPngHeader(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toThrow(/not a PNG/);
  });
});
