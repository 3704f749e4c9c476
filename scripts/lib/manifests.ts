/**
 * Offline checks and deployment stamping for Custodian's two manifests: `manifest.xml` (the Word add-in)
 * and `teams/manifest.json` (the unified app manifest: Teams tabs and the Outlook add-in).
 *
 * Nothing here goes online. `office-addin-manifest validate` posts to a Microsoft service, so the XML is
 * checked against Microsoft's own XSDs with xmllint-wasm instead; the JSON is checked with the schemas that
 * `@microsoft/app-manifest` ships, loaded from disk and handed over, so its download fallback never runs.
 *
 * `@microsoft/app-manifest` 1.1 (through strip-bom 5) and `office-addin-manifest` 3 (through uuid 14) are
 * CommonJS packages with ES-module-only dependencies. Plain Node 20.19+ loads those with `require`, but jest's
 * module system cannot, and a dynamic `import()` compiled to CommonJS is a `require` too. Both therefore run in
 * a short-lived child Node process (`runInNode`), which behaves the same under jest and in the package script.
 */
import { spawn } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join, resolve as resolvePath } from 'path';
import { validateXML } from 'xmllint-wasm';

/** The origin the checked-in manifests use: `npm start -- --https` serves the pages there. */
export const LOCAL_ORIGIN = 'https://localhost:4321';

/**
 * The Entra application (client) id in `teams/manifest.json` `webApplicationInfo.id`. It is a placeholder:
 * a deployment replaces it with the id of its own app registration (SPA redirect `brk-multihub://<host>`).
 */
export const PLACEHOLDER_CLIENT_ID = '3dd40f98-3c1e-4a28-8069-dccbd6ae7722';

/** Microsoft's add-in manifest XSDs; the first imports the others. */
export const ADDIN_SCHEMA_FILES = [
  'OfficeAppManifestV1_1.xsd',
  'OfficeAppBasicTypesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd'
] as const;

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

export interface ManifestFiles {
  /** The text of `manifest.xml`. */
  addinXml: string;
  /** The text of `teams/manifest.json`. */
  teamsManifest: string;
}

export interface AddinInfo {
  id: string;
  version: string;
  /** `<Host Name>` values, e.g. `Document` for Word. */
  hosts: string[];
  displayName?: string;
  providerName?: string;
  sourceLocation?: string;
}

const LOCAL_HOST = new URL(LOCAL_ORIGIN).host;
const EXAMPLE_HOST = 'https://records.contoso.com';

/** Where to look for repository files: beside this module's checkout first, then the working directory. */
function locate(relative: string): string {
  const candidates = [resolvePath(__dirname, '..', '..', relative), resolvePath(process.cwd(), relative)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`Cannot find ${relative} (looked in ${candidates.join(' and ')}); run from the repository root.`);
  }
  return found;
}

/** Module lookup paths for the child process: this checkout's node_modules, then the working directory's. */
function modulePaths(): string[] {
  return [__dirname, process.cwd()];
}

// ---------------------------------------------------------------------------------------------------------
// Escaping and host parsing
// ---------------------------------------------------------------------------------------------------------

/** The one XML escaping helper: every string written into an XML manifest goes through it. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Shows user input in an error as typed, or JSON-quoted when it holds spaces or control characters. */
function shown(value: string): string {
  return /^[\x21-\x7e]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
}

// A DNS name (letters, digits, hyphens; labels of at most 63) and an optional port. Anything else, including
// quotes, angle brackets, backslashes, spaces and non-ASCII, is refused before it can reach a manifest.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const ORIGIN_PATTERN = new RegExp(`^https://((?:${LABEL}\\.)*${LABEL})(?::(\\d{1,5}))?/?$`, 'i');

/**
 * Checks a deployment host given on the command line and returns its canonical origin and `host[:port]`.
 * Office and Teams load add-in and tab pages over https only, so anything else is refused.
 *
 * @example parseDeploymentOrigin('https://Records.Contoso.com/') // { origin: 'https://records.contoso.com', host: 'records.contoso.com' }
 */
export function parseDeploymentOrigin(input: string): { origin: string; host: string } {
  const raw = input.trim();
  if (!/^https:\/\//i.test(raw)) {
    throw new Error(`--host must be an https origin such as ${EXAMPLE_HOST}; got ${shown(input)}`);
  }
  const match = ORIGIN_PATTERN.exec(raw);
  if (!match) {
    throw new Error(
      `--host must be an https origin only (scheme, DNS name and optional port; no path, query, fragment, ` +
        `credentials or other characters; an internationalised name in its xn-- form), such as ${EXAMPLE_HOST}; got ${shown(input)}`
    );
  }
  const hostname = match[1];
  if (hostname.length > 253) {
    throw new Error(`--host names a host longer than DNS allows (253 characters); got ${shown(input)}`);
  }
  if (match[2] !== undefined) {
    const port = Number(match[2]);
    if (port < 1 || port > 65535) {
      throw new Error(`--host has a port outside 1-65535; got ${shown(input)}`);
    }
  }
  // URL drops the default port and lower-cases the name, so equal origins stamp identically.
  const url = new URL(raw);
  return { origin: url.origin, host: url.host };
}

// ---------------------------------------------------------------------------------------------------------
// Stamping
// ---------------------------------------------------------------------------------------------------------

// `(?![0-9])` keeps https://localhost:43210 from matching.
const LOCAL_ORIGIN_PATTERN = /https:\/\/localhost:4321(?![0-9])/g;
const LOCAL_HOST_PATTERN = /localhost:4321(?![0-9])/g;
const STILL_LOCAL = /localhost:4321(?![0-9])/;

function replaceLocal(text: string, origin: string, host: string): string {
  return text.replace(LOCAL_ORIGIN_PATTERN, origin).replace(LOCAL_HOST_PATTERN, host);
}

function mapStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  }
  return value;
}

/**
 * Returns copies of both manifests with the local origin replaced by the deployment's: every URL, the Teams
 * `validDomains` entry and the NAA redirect URI (`brk-multihub://<host>`). The inputs are not modified.
 *
 * @example stampHost('https://records.contoso.com', { addinXml, teamsManifest })
 * @throws when `origin` is not a bare https origin, or when a manifest no longer holds the local origin
 *   (stamp the checked-in files, not a stamped copy).
 */
export function stampHost(origin: string, files: ManifestFiles): ManifestFiles {
  const target = parseDeploymentOrigin(origin);
  for (const [name, text] of [
    ['manifest.xml', files.addinXml],
    ['teams/manifest.json', files.teamsManifest]
  ] as const) {
    if (!text.includes(LOCAL_ORIGIN)) {
      throw new Error(`${name} does not contain ${LOCAL_ORIGIN}; stamp the checked-in manifest, not an already stamped copy.`);
    }
  }

  const addinXml = replaceLocal(files.addinXml, escapeXml(target.origin), escapeXml(target.host));

  let teams: unknown;
  try {
    teams = JSON.parse(files.teamsManifest);
  } catch (error) {
    throw new Error(`teams/manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  const stamped = mapStrings(teams, (s) => replaceLocal(s, target.origin, target.host));
  const teamsManifest = `${JSON.stringify(stamped, null, 2)}\n`;

  if (target.host !== LOCAL_HOST) {
    for (const [name, text] of [
      ['manifest.xml', addinXml],
      ['teams/manifest.json', teamsManifest]
    ] as const) {
      if (STILL_LOCAL.test(text)) {
        throw new Error(`${name} still mentions ${LOCAL_HOST} after stamping; this is a bug in stampHost.`);
      }
    }
  }
  return { addinXml, teamsManifest };
}

// ---------------------------------------------------------------------------------------------------------
// The Word add-in manifest (XML)
// ---------------------------------------------------------------------------------------------------------

/** Turns xmllint's `manifest.xml:16: Schemas validity error : Element '{ns}Id': …` into `line 16: Element 'Id': …`. */
function formatXmlError(error: { message: string; loc: null | { lineNumber: number } }): string {
  const message = error.message
    .replace(/^Schemas validity error : /, '')
    .replace(/\{http[^}]*\}/g, '')
    .trim();
  return error.loc ? `line ${error.loc.lineNumber}: ${message}` : message;
}

/**
 * What the XSDs cannot say: each `resid` must name a resource declared under `<Resources>`, once. Office
 * refuses such a manifest when it is sideloaded; Microsoft's online validator reports it, xmllint does not.
 */
function checkResourceReferences(xml: string): string[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const resources = /<Resources\b[^>]*>([\s\S]*?)<\/Resources>/.exec(text)?.[1] ?? '';
  const declared = new Map<string, number>();
  for (const m of resources.matchAll(/<(?:[\w-]+:)?(?:Image|Url|String)\b[^>]*?\sid="([^"]*)"/g)) {
    declared.set(m[1], (declared.get(m[1]) ?? 0) + 1);
  }
  const errors: string[] = [];
  for (const [id, count] of declared) {
    if (count > 1) errors.push(`resource id "${id}" is declared ${count} times under <Resources>; ids must be unique`);
  }
  const missing = new Set<string>();
  for (const m of text.matchAll(/\sresid="([^"]*)"/g)) {
    if (!declared.has(m[1])) missing.add(m[1]);
  }
  for (const id of missing) {
    errors.push(`resid "${id}" is used but not declared under <Resources> (bt:Images, bt:Urls, bt:ShortStrings or bt:LongStrings)`);
  }
  return errors;
}

/**
 * Validates an add-in-only (XML) manifest against Microsoft's XSDs (`schemas/office-addin/`), then checks that
 * every `resid` resolves. Errors name the line and the failing element, e.g.
 * `line 16: Element 'Id': [facet 'pattern'] The value 'x' is not accepted by the pattern …`.
 */
export async function validateAddinManifest(xml: string, options: { schemaDir?: string } = {}): Promise<ValidationResult> {
  const schemaDir = options.schemaDir ?? locate('schemas/office-addin');
  const [main, ...others] = ADDIN_SCHEMA_FILES.map((fileName) => ({
    fileName,
    contents: readFileSync(join(schemaDir, fileName), 'utf8')
  }));
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [main],
    preload: others
  });
  const errors = result.errors.map(formatXmlError);
  if (result.valid) errors.push(...checkResourceReferences(xml));
  return { valid: errors.length === 0, errors };
}

// ---------------------------------------------------------------------------------------------------------
// Child Node process for the packages jest cannot load
// ---------------------------------------------------------------------------------------------------------

/**
 * Runs `script` (CommonJS) in a fresh Node process with `input` as JSON on stdin and parses its stdout as
 * JSON. The script gets the input as `input` and must call `done(result)` once.
 */
async function runInNode<T>(what: string, script: string, input: Record<string, unknown>): Promise<T> {
  const program = `'use strict';
let raw = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { raw += chunk; });
process.stdin.on('end', () => {
  const done = (result) => process.stdout.write(JSON.stringify(result));
  const fail = (error) => { process.stderr.write(String((error && error.stack) || error)); process.exitCode = 1; };
  try {
    const input = JSON.parse(raw);
    const load = (name) => require(require.resolve(name, { paths: input.paths }));
    Promise.resolve().then(() => { ${script} }).catch(fail);
  } catch (error) { fail(error); }
});`;
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', program], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${what} took longer than 60 s and was stopped.`));
    }, 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${what} could not start Node (${process.execPath}): ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        const hint = /ERR_REQUIRE_ESM|require\(\) of ES Module/.test(stderr)
          ? ' It needs Node 20.19+ or 22.12+, which load ES-module-only dependencies with require().'
          : '';
        reject(new Error(`${what} failed.${hint}\n${stderr.trim()}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as T);
      } catch {
        reject(new Error(`${what} printed something other than JSON: ${stdout.slice(0, 200)}`));
      }
    });
    // A child that dies before reading its input makes stdin emit EPIPE; 'close' above reports why it died.
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify({ ...input, paths: modulePaths() }));
  });
}

/**
 * Reads id, version and hosts with office-addin-manifest's offline reader (`readManifestFile`), the same code
 * the Office tooling uses. It needs a file, so the XML is written to a private temporary folder first.
 */
export async function readAddinInfo(xml: string): Promise<AddinInfo> {
  const dir = await mkdtemp(join(tmpdir(), 'custodian-manifest-'));
  try {
    const file = join(dir, 'manifest.xml');
    await writeFile(file, xml, 'utf8');
    const info = await runInNode<Record<string, unknown>>(
      'office-addin-manifest (reading manifest.xml)',
      `return load('office-addin-manifest').OfficeAddinManifest.readManifestFile(input.file).then(done);`,
      { file }
    );
    if (typeof info.id !== 'string' || typeof info.version !== 'string') {
      throw new Error('manifest.xml has no <Id> or <Version> that office-addin-manifest can read.');
    }
    const settings = info.defaultSettings as { sourceLocation?: string } | undefined;
    return {
      id: info.id,
      version: info.version,
      hosts: Array.isArray(info.hosts) ? info.hosts.map(String) : [],
      displayName: typeof info.displayName === 'string' ? info.displayName : undefined,
      providerName: typeof info.providerName === 'string' ? info.providerName : undefined,
      sourceLocation: settings?.sourceLocation
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The unified app manifest (JSON)
// ---------------------------------------------------------------------------------------------------------

/** `1.30` -> `v1.30`, `devPreview` -> `vDevPreview`: the folder names under app-manifest's json-schemas/teams. */
function schemaFolder(manifestVersion: string): string {
  return `v${manifestVersion.charAt(0).toUpperCase()}${manifestVersion.slice(1)}`;
}

/** The folder a `$schema` URL names, if it is a Teams schema on developer.microsoft.com (localised paths too). */
function schemaFolderOf(schemaUrl: string): string | undefined {
  try {
    const url = new URL(schemaUrl);
    if (url.protocol !== 'https:' || url.hostname !== 'developer.microsoft.com') return undefined;
    return /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/json-schemas\/teams\/([^/]+)\/MicrosoftTeams\.schema\.json$/i.exec(url.pathname)?.[1];
  } catch {
    return undefined;
  }
}

const SCHEMA_SCRIPT = `
const fs = require('fs');
const path = require('path');
const root = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json', { paths: input.paths })), 'build', 'json-schemas', 'teams');
const file = path.join(root, input.folder, 'MicrosoftTeams.schema.json');
if (!fs.existsSync(file)) {
  return done({ missing: true, available: fs.readdirSync(root).sort() });
}
// Some published schemas hold \\a and \\v escapes, which JSON does not allow; app-manifest rewrites them the same way.
const schema = JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\\\a/g, '\\\\u0007').replace(/\\\\v/g, '\\\\u000b'));
return load('@microsoft/app-manifest').AppManifestUtils.validateAgainstSchema(input.manifest, schema).then((errors) => done({ errors }));
`;

/** PNG width, height and colour type from the IHDR chunk (RFC 2083 §4.1.1). */
export function readPngHeader(bytes: Uint8Array): { width: number; height: number; colourType: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 33 || signature.some((b, i) => buffer[i] !== b) || buffer.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file (no PNG signature followed by IHDR)');
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), colourType: buffer[25] };
}

/** Teams' icon rules: color 192×192, outline 32×32 and transparent (and white: see the generator). */
const TEAMS_ICONS = { color: 192, outline: 32, color32x32: 32 } as const;

function checkTeamsIcons(manifest: Record<string, unknown>, packageDir: string): string[] {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const errors: string[] = [];
  for (const [key, size] of Object.entries(TEAMS_ICONS)) {
    const file = icons[key];
    if (typeof file !== 'string') continue; // a missing required icon is the schema's error
    const path = resolvePath(packageDir, file);
    if (!existsSync(path)) {
      errors.push(`/icons/${key}: ${file} is not in ${packageDir}; the app package must contain it`);
      continue;
    }
    try {
      const png = readPngHeader(readFileSync(path));
      if (png.width !== size || png.height !== size) {
        errors.push(`/icons/${key}: ${file} is ${png.width}x${png.height}; Teams needs ${size}x${size}`);
      }
      if (key === 'outline' && png.colourType !== 6 && png.colourType !== 4) {
        errors.push(`/icons/outline: ${file} has no alpha channel; Teams needs white on transparent`);
      }
    } catch (error) {
      errors.push(`/icons/${key}: ${file} is ${(error as Error).message}`);
    }
  }
  return errors;
}

/**
 * Validates a unified app manifest against the schema version its `$schema` and `manifestVersion` name, with
 * the schemas `@microsoft/app-manifest` ships (offline). Errors read like
 * `/name/short must NOT have more than 30 characters. Details: {"limit":30}`.
 *
 * @param options.packageDir when given, the icons the manifest names must be there, as PNGs of Teams' sizes.
 */
export async function validateTeamsManifest(manifest: unknown, options: { packageDir?: string } = {}): Promise<ValidationResult> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return { valid: false, errors: ['the Teams manifest must be a JSON object'] };
  }
  const record = manifest as Record<string, unknown>;
  const { manifestVersion, $schema } = record;
  if (typeof manifestVersion !== 'string' || manifestVersion === '') {
    return { valid: false, errors: ['/manifestVersion is missing; set it to the schema version, e.g. "1.30"'] };
  }
  const folder = schemaFolder(manifestVersion);
  const example = `https://developer.microsoft.com/json-schemas/teams/${folder}/MicrosoftTeams.schema.json`;
  if (typeof $schema !== 'string') {
    return { valid: false, errors: [`/$schema is missing; for manifestVersion "${manifestVersion}" it is ${example}`] };
  }
  const named = schemaFolderOf($schema);
  if (named === undefined) {
    return { valid: false, errors: [`/$schema ${$schema} is not a Teams schema on developer.microsoft.com; expected ${example}`] };
  }
  if (named !== folder) {
    return { valid: false, errors: [`/$schema names ${named} but manifestVersion is "${manifestVersion}"; make them agree (${example})`] };
  }

  const outcome = await runInNode<{ errors?: string[]; missing?: boolean; available?: string[] }>(
    '@microsoft/app-manifest (validating the Teams manifest)',
    SCHEMA_SCRIPT,
    { folder, manifest }
  );
  if (outcome.missing) {
    return {
      valid: false,
      errors: [
        `@microsoft/app-manifest has no offline schema ${folder}; it has ${(outcome.available ?? []).join(', ')}. ` +
          'Use one of those manifest versions or update @microsoft/app-manifest.'
      ]
    };
  }
  const errors = [...(outcome.errors ?? [])];
  if (options.packageDir) errors.push(...checkTeamsIcons(record, options.packageDir));
  return { valid: errors.length === 0, errors };
}
