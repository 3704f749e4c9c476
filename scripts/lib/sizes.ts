import { gzipSync } from 'node:zlib';

export interface SizeReport {
  file: string;
  raw: number;
  gzip: number;
}

/** Raw and gzipped (level 9, as a web server would send it) sizes of a file's bytes. */
export function measure(file: string, bytes: Uint8Array): SizeReport {
  return { file, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatSizeTable(reports: readonly SizeReport[]): string {
  const width = Math.max(...reports.map((report) => report.file.length), 4);
  const lines = reports.map(
    (report) => `${report.file.padEnd(width)}  ${formatKiB(report.raw).padStart(10)}  ${formatKiB(report.gzip).padStart(10)}`
  );
  return [`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`, ...lines].join('\n');
}
