import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';

export interface DevCertificate {
  cert: Buffer;
  key: Buffer;
  caPath: string;
}

/**
 * A development certificate for https://localhost, made offline by office-addin-dev-certs in `folder`.
 * Its "install" step trusts the CA through sudo, which this kind of machine lacks, so the files are used
 * directly and the README says how to trust `ca.crt` where that is possible.
 */
export async function ensureDevCertificate(folder: string): Promise<DevCertificate> {
  const caPath = path.join(folder, 'ca.crt');
  const certPath = path.join(folder, 'localhost.crt');
  const keyPath = path.join(folder, 'localhost.key');
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(folder, { recursive: true });
    await generateCertificates(caPath, certPath, keyPath, 30);
  }
  return { cert: readFileSync(certPath), key: readFileSync(keyPath), caPath };
}
