import {
  convertFilePlan,
  filePlanFormats,
  quoteForMessage,
  validateFilePlanCsv,
  type FilePlanFormat,
  type FilePlanTenantFacts,
  type SkippedFilePlanCsvRule
} from '../core/domain';
import {
  UsageError,
  closest,
  exitCodes,
  onePath,
  parseOptions,
  readInput,
  type CustodianIo,
  type OptionKind,
  type ParsedOptions
} from './cliSupport';
import { printFilePlanReport } from './printFilePlanReport';
import { proofCommand } from './proofVerify';
import { readLabelNames } from './readLabelNames';

export { exitCodes, maxFileBytes, type CustodianIo } from './cliSupport';

export const mainHelp = `custodian: check a Microsoft Purview file plan before you upload it, and a
copy of the proof register of disposal against its certificates.

Usage:
  custodian fileplan validate FILE [--json] [--event-types A,B] [--existing-labels FILE]
                                   [--regulatory-enabled | --regulatory-disabled]
  custodian fileplan convert FILE --to json|csv
  custodian fileplan --help     the fileplan commands and their options
  custodian proof verify FILE [--head HASH]
  custodian proof --help        checking an exported proof register, offline
  custodian --help              this text

Exit status: 0 no errors, 1 the file plan has errors or the register was tampered with, 2 the
command was used wrongly or a file could not be read, 3 custodian itself failed (please report it).
`;

export const fileplanHelp = `custodian fileplan: Purview's file plan import file (CSV), as Excel saves it.

custodian fileplan validate FILE [options]
  Checks FILE against every rule of Purview's import and prints each problem as
  "row R, column C: message" (row 1 is the header, as Excel numbers rows; columns are named by
  their header). Exits 1 when there is any error; warnings alone exit 0.

  --json                   print the errors as a JSON array of {row, column, rule, message};
                           warnings and notes go to stderr
  --event-types A,B        the retention event types that exist in the tenant, separated by
                           commas; EventType names are checked against them (ignoring case)
  --existing-labels FILE   the retention labels that already exist in the tenant, one name per
                           line, or a CSV export with a LabelName, displayName or Name column;
                           new names must not be taken, relabel targets must exist
  --regulatory-enabled     regulatory records are enabled in the tenant
  --regulatory-disabled    they are not, so Regulatory TRUE is an error
  Without these, the rules that need the tenant are skipped and a note on stderr says so.

custodian fileplan convert FILE --to json|csv
  --to json   reads a file plan CSV, which must have no errors, and prints it as Custodian's JSON
  --to csv    reads Custodian's JSON and prints Purview's import CSV (UTF-8 with BOM, CRLF)
  Warnings about what the CSV cannot hold go to stderr. Redirect stdout to save the result.

Examples:
  custodian fileplan validate plan.csv
  custodian fileplan validate plan.csv --event-types "Employee activity,Contract end" --existing-labels labels.txt
  custodian fileplan validate plan.csv --json > findings.json
  custodian fileplan convert plan.csv --to json > plan.json
  custodian fileplan convert plan.json --to csv > plan.csv
`;

const validateOptions: Record<string, OptionKind> = {
  '--json': 'flag',
  '--event-types': 'value',
  '--existing-labels': 'value',
  '--regulatory-enabled': 'flag',
  '--regulatory-disabled': 'flag'
};
const convertOptions: Record<string, OptionKind> = { '--to': 'value' };

const valueHints: Record<string, string> = {
  '--to': 'json or csv',
  '--event-types': 'the event type names, separated by commas',
  '--existing-labels': 'the path of a file listing the labels'
};

/** How to give the facts a skipped tenant rule needed. */
const skippedRuleHints: Partial<Record<SkippedFilePlanCsvRule['rule'], string>> = {
  labelNameTaken: 'Pass --existing-labels FILE to check them.',
  relabelTargetExists: 'Pass --existing-labels FILE to check them.',
  eventTypeExists: 'Pass --event-types "A,B" to check them.',
  regulatoryEnabled: 'Pass --regulatory-enabled or --regulatory-disabled to check them.'
};

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

function tenantFacts(parsed: ParsedOptions, io: CustodianIo, planPath: string): FilePlanTenantFacts {
  const facts: FilePlanTenantFacts = {};
  const eventTypes = parsed.options.get('--event-types');
  if (eventTypes !== undefined) {
    facts.eventTypes = eventTypes
      .flatMap((list) => list.split(','))
      .map((name) => name.trim())
      .filter((name) => name !== '');
  }
  const labelFiles = parsed.options.get('--existing-labels');
  if (labelFiles !== undefined) {
    const names: string[] = [];
    for (const path of labelFiles) {
      if (path === planPath) {
        throw new UsageError(
          `--existing-labels ${quoteForMessage(path)} is the file plan itself. Give a list of the labels already in the tenant.`
        );
      }
      const read = readLabelNames(readInput(io, path, 'the list of existing labels'));
      if (!read.ok) throw new UsageError(`The list of existing labels ${quoteForMessage(path)} ${read.reason}`);
      names.push(...read.names);
    }
    facts.existingLabels = names;
  }
  const enabled = parsed.options.has('--regulatory-enabled');
  const disabled = parsed.options.has('--regulatory-disabled');
  if (enabled && disabled) throw new UsageError('Give either --regulatory-enabled or --regulatory-disabled, not both.');
  if (enabled || disabled) facts.regulatoryRecordsEnabled = enabled;
  return facts;
}

function validate(args: readonly string[], io: CustodianIo): number {
  const parsed = parseOptions(args, validateOptions, 'fileplan validate', valueHints);
  if (parsed.help) {
    io.stdout(fileplanHelp);
    return exitCodes.ok;
  }
  const path = onePath(parsed, 'fileplan validate');
  const bytes = readInput(io, path, 'the file plan');
  const facts = tenantFacts(parsed, io, path);
  const result = validateFilePlanCsv(bytes, facts);
  const skipped = result.skipped.map((skip) => {
    const hint = skippedRuleHints[skip.rule];
    return hint === undefined ? skip : { ...skip, reason: `${skip.reason} ${hint}` };
  });
  const format = parsed.options.has('--json') ? 'json' : 'text';
  const exitCode = printFilePlanReport({ ...result, skipped }, format, io);

  const errors = result.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = result.issues.length - errors;
  const labels = plural(result.labels.length, 'label');
  io.stderr(
    errors === 0
      ? `${path}: no errors${warnings === 0 ? '' : `, ${plural(warnings, 'warning')}`}; ${labels} ready to import.\n`
      : `${path}: ${plural(errors, 'error')}${warnings === 0 ? '' : ` and ${plural(warnings, 'warning')}`}. Fix the errors before uploading the file to Purview.\n`
  );
  return exitCode;
}

function convert(args: readonly string[], io: CustodianIo): number {
  const parsed = parseOptions(args, convertOptions, 'fileplan convert', valueHints);
  if (parsed.help) {
    io.stdout(fileplanHelp);
    return exitCodes.ok;
  }
  const path = onePath(parsed, 'fileplan convert');
  const to = parsed.options.get('--to');
  if (to === undefined) {
    throw new UsageError('fileplan convert needs --to json (to read a file plan CSV) or --to csv (to read Custodian JSON).');
  }
  if (new Set(to).size > 1) throw new UsageError(`--to was given more than once (${to.join(', ')}); give it once.`);
  if (!(filePlanFormats as readonly string[]).includes(to[0])) {
    throw new UsageError(`--to must be json or csv, not ${quoteForMessage(to[0])}.`);
  }
  const target = to[0] as FilePlanFormat;
  const bytes = readInput(io, path, 'the file plan');
  const result = convertFilePlan(bytes, target);
  if (result.ok) {
    io.stdout(result.text);
    for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`);
    return exitCodes.ok;
  }
  for (const reason of result.reasons) io.stderr(`custodian: ${reason}\n`);
  if (result.validation !== undefined) {
    // The findings, as validate prints them, but on stderr: stdout is for the converted file.
    printFilePlanReport(result.validation, 'text', { stdout: (text) => io.stderr(text), stderr: () => undefined });
  }
  // The likely mistake: the file is already in the format asked for.
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (target === 'json' && (text.startsWith('[') || text.startsWith('{'))) {
    io.stderr(`${path} looks like JSON already; to turn Custodian JSON into a file plan CSV, use --to csv.\n`);
  } else if (target === 'csv' && !text.startsWith('[') && !text.startsWith('{')) {
    io.stderr(`${path} does not look like JSON; to turn a file plan CSV into JSON, use --to json.\n`);
  }
  return exitCodes.findings;
}

function fileplan(args: readonly string[], io: CustodianIo): number {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('fileplan needs a command: validate or convert.');
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(fileplanHelp);
    return exitCodes.ok;
  }
  if (command === 'validate') return validate(rest, io);
  if (command === 'convert') return convert(rest, io);
  const suggestion = closest(command, ['validate', 'convert']);
  throw new UsageError(
    `fileplan has no command ${quoteForMessage(command)}.${suggestion === undefined ? '' : ` Did you mean ${suggestion}?`}` +
      ' Its commands: validate, convert.'
  );
}

/**
 * The `custodian` command line: parses `argv` (the arguments after the program name), reads the
 * files it names through `io`, runs the domain's file plan functions and prints their results.
 * Resolves to the exit code (see `exitCodes`) and never rejects: misuse and unreadable files give a
 * message and 2; anything unexpected gives a message and 3.
 *
 * @example await runCustodian(['fileplan', 'validate', 'plan.csv'], { stdout, stderr, readFile }) // 1 when plan.csv has errors
 */
export async function runCustodian(argv: readonly string[], io: CustodianIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(mainHelp);
      return exitCodes.ok;
    }
    if (command === undefined)
      throw new UsageError('no command given. To check a file plan: custodian fileplan validate FILE', 'custodian --help');
    if (command === 'fileplan') return fileplan(rest, io);
    if (command === 'proof') return await proofCommand(rest, io);
    if (command === 'validate' || command === 'convert') {
      throw new UsageError(`${command} is a fileplan command: custodian fileplan ${command} ...`);
    }
    throw new UsageError(
      `there is no command ${quoteForMessage(command)}. The command is fileplan (validate, convert).`,
      'custodian --help'
    );
  } catch (error) {
    const usage = error instanceof UsageError;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      io.stderr(
        usage
          ? `custodian: ${error.message}\nRun '${error.helpCommand}' for usage.\n`
          : `custodian: unexpected failure, which is a bug in custodian. Please report it with this message:\n${detail}\n`
      );
    } catch {
      // Nowhere left to say it; the exit code still tells.
    }
    return usage ? exitCodes.usage : exitCodes.internal;
  }
}
