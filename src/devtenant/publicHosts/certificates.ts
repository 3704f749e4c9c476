import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCA, createCert } from 'mkcert';
import { publicHostNames } from './publicHosts';

/**
 * A local certificate authority and a certificate for Microsoft 365's host names, made offline with mkcert (the
 * library office-addin-dev-certs uses). The CA is trusted only by the processes told to (`NODE_EXTRA_CA_CERTS`), never
 * by the machine: a client run against the dev tenant gets it in its environment, nothing else does.
 */
export interface PublicHostCertificates {
  /** The CA certificate (PEM), for `NODE_EXTRA_CA_CERTS`. */
  caFile: string;
  key: string;
  cert: string;
}

/** A CA lasts a year; the host certificate a month. Both are remade when missing or expired. */
const caDays = 365;
const certDays = 30;

function stillValid(pem: string): boolean {
  try {
    return Date.parse(new X509Certificate(pem).validTo) > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

function read(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** The certificates in `dir` (created on first use, with private keys readable by the owner only). */
export async function publicHostCertificates(dir: string): Promise<PublicHostCertificates> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = {
    caCert: path.join(dir, 'ca.pem'),
    caKey: path.join(dir, 'ca-key.pem'),
    cert: path.join(dir, 'hosts.pem'),
    key: path.join(dir, 'hosts-key.pem')
  };
  let ca = { cert: read(files.caCert) ?? '', key: read(files.caKey) ?? '' };
  let fresh = false;
  if (!ca.cert || !ca.key || !stillValid(ca.cert)) {
    ca = await createCA({
      organization: 'Custodian dev tenant (local only)',
      countryCode: 'NL',
      state: 'Local',
      locality: 'Local',
      validity: caDays
    });
    fs.writeFileSync(files.caKey, ca.key, { mode: 0o600 });
    fs.writeFileSync(files.caCert, ca.cert);
    fresh = true;
  }
  let host = { cert: read(files.cert) ?? '', key: read(files.key) ?? '' };
  if (fresh || !host.cert || !host.key || !stillValid(host.cert)) {
    host = await createCert({ ca, domains: Object.values(publicHostNames), validity: certDays });
    fs.writeFileSync(files.key, host.key, { mode: 0o600 });
    fs.writeFileSync(files.cert, host.cert);
  }
  return { caFile: files.caCert, key: host.key, cert: host.cert };
}
