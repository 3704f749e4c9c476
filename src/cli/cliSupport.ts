// What every custodian command shares: its host's I/O, exit codes, option parsing and reading a file.
import { quoteForMessage } from '../core/domain';

/** What the command line needs from its host: `bin/custodian.js` passes process I/O, tests pass fakes. */
export interface CustodianIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file; throws as Node's `readFileSync` does (an error with `code`, e.g. ENOENT). */
  readFile(path: string): Uint8Array;
}

export const exitCodes = {
  /** Done; the file plan has no errors (warnings allowed), or the proof register holds. */
  ok: 0,
  /** The file plan has errors (or, for convert, could not be converted), or the proof register was tampered with. */
  findings: 1,
  /** The command was used wrongly, or a file could not be read. */
  usage: 2,
  /** Custodian itself failed: a bug. */
  internal: 3
} as const;

/**
 * Files larger than this are refused before reading them as a file plan. A file plan holds at most
 * 1,000 labels, so even one with every text cell full is a few megabytes; this leaves room for three
 * times the 10 MB of garbage the validator is tested with, and keeps memory well below Node's heap limit.
 */
export const maxFileBytes = 32 * 1024 * 1024;

export type OptionKind = 'flag' | 'value';

export interface ParsedOptions {
  positionals: string[];
  /** Every value given for each option, in order; flags get an empty string per use. */
  options: Map<string, string[]>;
  help: boolean;
}

export class UsageError extends Error {
  public constructor(
    message: string,
    public readonly helpCommand: string = 'custodian fileplan --help'
  ) {
    super(message);
  }
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const ranked = candidates
    .map((candidate) => ({ candidate, distance: editDistance(typed, candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  const near = ranked.find(({ distance }) => distance <= 2);
  const started = typed.length >= 4 ? candidates.find((candidate) => candidate.toLowerCase().startsWith(typed)) : undefined;
  return near?.candidate ?? started;
}

export function parseOptions(
  args: readonly string[],
  spec: Record<string, OptionKind>,
  command: string,
  valueHints: Record<string, string> = {}
): ParsedOptions {
  const parsed: ParsedOptions = { positionals: [], options: new Map(), help: false };
  let onlyPositionals = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    const kind = spec[name];
    if (kind === undefined) {
      const suggestion = closest(name, Object.keys(spec));
      throw new UsageError(
        `${command} has no option ${quoteForMessage(name)}.${suggestion === undefined ? '' : ` Did you mean ${suggestion}?`}` +
          ` Its options: ${Object.keys(spec).join(', ')}.`
      );
    }
    let value = '';
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`${name} takes no value; write just ${name}.`);
    } else if (inline !== undefined) {
      value = inline;
    } else {
      const next = args[index + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value: ${valueHints[name] ?? 'see --help'}.`);
      value = next;
      index += 1;
    }
    parsed.options.set(name, [...(parsed.options.get(name) ?? []), value]);
  }
  return parsed;
}

export function onePath(parsed: ParsedOptions, command: string, example = 'plan.csv'): string {
  if (parsed.positionals.length === 0) {
    throw new UsageError(`${command} needs the path of a file, for example: custodian ${command} ${example}`);
  }
  if (parsed.positionals.length > 1) {
    throw new UsageError(
      `${command} takes one file, but was given ${parsed.positionals.length}: ${parsed.positionals.map(quoteForMessage).join(', ')}.` +
        ' Run it once per file (put quotes around a path with spaces).'
    );
  }
  return parsed.positionals[0];
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Reads a file, turning every way that can fail into a usage error that says what to do. */
export function readInput(
  io: CustodianIo,
  path: string,
  what: string,
  sizeHint = 'a file plan of at most 1,000 labels is far smaller'
): Uint8Array {
  const shown = quoteForMessage(path);
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    const code = errorCode(error);
    const detail = error instanceof Error ? error.message : String(error);
    const reasons: Record<string, string> = {
      ENOENT: `Cannot find ${what} ${shown}: there is no such file. Check the name and the folder; a relative path starts from the folder you run custodian in.`,
      ENOTDIR: `Cannot find ${what} ${shown}: part of the path is a file, not a folder.`,
      EISDIR: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${shown} is a folder. Give the path of the file itself.`,
      EACCES: `Cannot read ${what} ${shown}: permission denied. Check that your account may read it, or copy it somewhere it can.`,
      EPERM: `Cannot read ${what} ${shown}: the system does not allow it. Check that your account may read it, or copy it somewhere it can.`
    };
    throw new UsageError((code === undefined ? undefined : reasons[code]) ?? `Cannot read ${what} ${shown}: ${detail}`);
  }
  if (bytes.byteLength > maxFileBytes) {
    const megabytes = (bytes.byteLength / 1024 / 1024).toFixed(0);
    throw new UsageError(
      `${what.charAt(0).toUpperCase()}${what.slice(1)} ${shown} is ${megabytes} MB; ${sizeHint}` +
        ` (custodian reads up to ${maxFileBytes / 1024 / 1024} MB). Check that this is the right file.`
    );
  }
  return bytes;
}
