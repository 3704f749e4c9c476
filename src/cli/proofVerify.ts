import { quoteForMessage } from '../core/domain';
import { decodeCsvBytes } from '../core/domain/decodeCsvBytes';
import type { AnchoredHead } from '../core/domain/proofAnchorTrust';
import type { ProofEntry } from '../core/domain/proofEntry';
import { readProofRegisterCsv } from '../core/domain/proofRegisterCsv';
import { verifyAnchoredRegister } from '../core/domain/verifyAnchoredRegister';
import { UsageError, closest, exitCodes, onePath, parseOptions, readInput, type CustodianIo } from './cliSupport';

export const proofHelp = `custodian proof: check a copy of the proof register of disposal, offline.

custodian proof verify FILE [--head HASH]
  FILE is the register as the Proof tab exports it ("Export to CSV"). Checks that each entry's
  SHA-256 hash matches its content, that each entry is chained to the one before, and that the
  chain passes through every anchor the export names (its anchor id and the hash it held).
  Exits 0 when the register holds; 1 naming the first entry that was altered, removed,
  inserted or reordered.

  --head HASH   a head hash printed on a certificate of disposal (or mailed to you): the register
                must pass through it. Give it more than once for several certificates.

  Offline, custodian cannot ask the tenant whether the anchors named in the file are genuine:
  someone who rewrote the file could rewrite those columns too. A head hash from a certificate
  made when the register was verified is what such a rewrite cannot match.

Example:
  custodian proof verify custodian-proof-register.csv --head 3f5e...c2a1
`;

const hex64 = /^[0-9a-f]{64}$/;

/** Says which entry a position is, as the person holding the file finds it: its sequence, subject and CSV row. */
function describe(entries: readonly ProofEntry[], position: number): string {
  const entry = entries[Math.min(position, entries.length - 1)] as ProofEntry<{ subjectName?: string }> | undefined;
  if (!entry) return '';
  const row = Math.min(position, entries.length - 1) + 2;
  return ` Entry ${entry.sequence} is ${quoteForMessage(entry.payload.subjectName ?? '')}, row ${row} of the file.`;
}

async function verify(args: readonly string[], io: CustodianIo): Promise<number> {
  const parsed = parseOptions(args, { '--head': 'value' }, 'proof verify', { '--head': 'a head hash of 64 hexadecimal digits' });
  if (parsed.help) {
    io.stdout(proofHelp);
    return exitCodes.ok;
  }
  const path = onePath(parsed, 'proof verify', 'custodian-proof-register.csv');
  const heads = (parsed.options.get('--head') ?? []).map((h) => h.trim().toLowerCase());
  const badHead = heads.find((h) => !hex64.test(h));
  if (badHead !== undefined)
    throw new UsageError(
      `--head ${quoteForMessage(badHead)} is not a head hash: it has 64 digits 0-9 and a-f. Copy it from the certificate.`,
      'custodian proof --help'
    );
  const decoded = decodeCsvBytes(readInput(io, path, 'the register export', 'a register export is far smaller'));
  if (!decoded.ok) throw new UsageError(`${quoteForMessage(path)} ${decoded.reason}`, 'custodian proof --help');
  const read = readProofRegisterCsv(decoded.text);
  if (!read.ok) {
    if (read.row === 1) throw new UsageError(`${quoteForMessage(path)}: ${read.reason}`, 'custodian proof --help');
    io.stdout(`${path}: NOT VERIFIED. ${read.reason}\n`);
    return exitCodes.findings;
  }
  const { entries } = read;
  const anchors: AnchoredHead[] = [...read.anchors];
  for (const head of heads) {
    const at = entries.findIndex((e) => e.hash === head);
    if (at === -1) {
      io.stdout(
        `${path}: NOT VERIFIED. The head hash ${head} is not in this register: the entries up to it were rewritten, or the certificate is from another register.\n`
      );
      return exitCodes.findings;
    }
    anchors.push({ id: '--head', name: 'the head hash given', sequence: entries[at].sequence, hash: head });
  }
  const result = await verifyAnchoredRegister(entries, anchors);
  if (!result.ok) {
    io.stdout(`${path}: NOT VERIFIED. ${result.reason}${describe(entries, result.position)}\n`);
    return exitCodes.findings;
  }
  const anchored = result.anchoredHead
    ? ` The chain passes through ${anchors.length === 1 ? 'the anchor' : `all ${anchors.length} anchors and heads`} given, the newest at entry ${result.anchoredHead.sequence}.`
    : '';
  io.stdout(
    `${path}: verified. ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, head hash ${result.headHash}.${anchored}\n`
  );
  if (anchors.length === 0)
    io.stderr(
      'custodian: the file names no anchor and no --head was given, so only its inner consistency is proved. Give --head HASH from a certificate.\n'
    );
  return exitCodes.ok;
}

/** `custodian proof ...`: the commands on an exported proof register. */
export async function proofCommand(args: readonly string[], io: CustodianIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('proof needs a command: verify.', 'custodian proof --help');
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(proofHelp);
    return exitCodes.ok;
  }
  if (command === 'verify') return verify(rest, io);
  const suggestion = closest(command, ['verify']);
  throw new UsageError(
    `proof has no command ${quoteForMessage(command)}.${suggestion === undefined ? '' : ` Did you mean ${suggestion}?`} Its command: verify.`,
    'custodian proof --help'
  );
}
