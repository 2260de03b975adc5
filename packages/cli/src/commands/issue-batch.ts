import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type IssueRequest, type IssueResult, PassportError } from '@skills-passport/core';
import { type Command, Option } from 'commander';
import { batchKeyOf } from '../batch/batch-key.js';
import { type CsvRow, csvLine, parseCohortCsv } from '../batch/csv-rows.js';
import { Progress } from '../batch/progress.js';
import { CliCodes, CliError } from '../cli-error.js';
import { readInputBytes } from '../input-file.js';
import { type LocalIssuer, openLocalIssuer } from '../issuer-service.js';
import { buildProfileCredential, PROFILES, type ProfileName, profileTemplate } from '../profiles.js';
import { type ProgramState, type Session, sessionAction } from '../session.js';

/** How often (in rows) index.json is saved during a run. */
/** Rows issued together: one status allocation and one issuance-log transaction each. */
const BATCH_SIZE = 100;

interface BatchOptions {
  profile: ProfileName;
  out: string;
  format: 'di' | 'jwt';
  suspendable?: boolean;
  area?: string;
  template?: boolean;
}

/** One issued credential in `<out>/index.json`. */
export interface BatchIndexEntry {
  line: number;
  batchKey: string;
  credentialId: string;
  learner: string;
  /** The credential file in the folder; `null` for a credential issued by an earlier run into another folder. */
  file: string | null;
  format?: 'di' | 'jwt';
}

/** A row that was not issued, and why (paths point into the credential, or `/<column>`). */
export interface RejectedRow {
  line: number;
  code: string;
  message: string;
  errors?: unknown;
}

/**
 * `issue-batch <file.csv>`: issues a cohort, one credential per row; bad rows are reported by line number and
 * skipped; rows already issued (same issuer, learner and achievement) are not issued again.
 *
 * @example
 * registerIssueBatch(program, state); // skills-passport issue-batch cohort.csv --out issued/
 */
export function registerIssueBatch(program: Command, state: ProgramState): void {
  program
    .command('issue-batch')
    .description('issue a whole cohort from a CSV file (one credential per row)')
    .argument('[file.csv]', 'the cohort CSV (header row = profile input fields)')
    .addOption(
      new Option('--profile <profile>', 'credential profile').choices([...PROFILES]).default('micro-module'),
    )
    .option('--out <dir>', 'folder for the credential files and index.json', 'issued')
    .addOption(new Option('--format <format>', 'di or jwt').choices(['di', 'jwt']).default('di'))
    .option('--suspendable', 'also add suspension status entries')
    .option('--area <code>', 'area code for every row (a row may also have an areaCode column)')
    .option('--template', 'print a CSV header and an example row for --profile, then exit')
    .addHelpText(
      'after',
      `
Row numbers in reports are line numbers in the file (the header is line 1).
Exit codes: 0 every row issued (or already issued earlier), 1 some rows rejected (the others were issued),
2 the file could not be read.

Examples:
  $ skills-passport issue-batch --template --profile micro-module > cohort.csv
  $ skills-passport issue-batch cohort.csv --out issued/
  $ skills-passport issue-batch certs.csv --profile vendor-certification --format jwt --out certs/ --json`,
    )
    .action(
      sessionAction(state, async (session, file: string | undefined, options: BatchOptions) => {
        if (options.template) {
          const { header, example } = profileTemplate(options.profile);
          session.output.raw(`${csvLine(header)}\n${csvLine(example)}`);
          return 0;
        }
        if (file === undefined)
          throw new CliError(CliCodes.usage, 'Give the cohort CSV file (or --template).');
        return issueBatch(session, file, options);
      }),
    );
}

async function issueBatch(session: Session, file: string, options: BatchOptions): Promise<number> {
  const rows = parseCohortCsv(new TextDecoder().decode(await readInputBytes(session.io, file)));
  const local = await openLocalIssuer(session);
  const outDir = resolve(session.io.cwd, options.out);
  await mkdir(outDir, { recursive: true });
  const index = await readIndex(outDir);
  const rejected: RejectedRow[] = [];
  let issued = 0;
  let already = 0;
  const progress = new Progress(session.io.stderr, rows.length);
  const saveIndex = () =>
    writeFile(join(outDir, 'index.json'), `${JSON.stringify([...index.values()], null, 2)}\n`);
  const reject = (row: CsvRow, error: unknown) => {
    // A row's own problem (its input, or what the issuer service refuses in it) skips the row; anything else
    // (store, disk) stops the batch: every later row would fail the same way.
    if (!(error instanceof CliError || error instanceof PassportError)) throw error;
    rejected.push({
      line: row.line,
      code: error.code,
      message: error.message,
      ...(error instanceof CliError && error.details !== undefined ? { errors: error.details } : {}),
    });
  };
  try {
    // A chunk at a time through issueMany: one status allocation and one log transaction per chunk.
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const prepared: Array<{ row: CsvRow; request: IssueRequest }> = [];
      for (const row of rows.slice(start, start + BATCH_SIZE)) {
        try {
          prepared.push({ row, request: requestOf(local, row, options) });
        } catch (error) {
          reject(row, error);
          progress.tick();
        }
      }
      const outcomes = await local.service.issueMany(prepared.map((item) => item.request));
      for (const [position, outcome] of outcomes.entries()) {
        const { row, request } = prepared[position] as (typeof prepared)[number];
        if ('failed' in outcome) reject(row, outcome.error);
        else if ((await recordRow(row, request, outcome, options, outDir, index)) === 'issued') issued += 1;
        else already += 1;
        progress.tick();
      }
      // Saved as it goes, so an interrupted run still leaves an index of what it issued.
      await saveIndex();
    }
  } finally {
    progress.done();
    await saveIndex();
  }
  rejected.sort((left, right) => left.line - right.line);
  const summary = { rows: rows.length, issued, alreadyIssued: already, rejected, out: options.out };
  session.output.result(
    [
      `${rows.length} rows: ${issued} issued, ${already} already issued, ${rejected.length} rejected`,
      ...rejected.map((row) => `  line ${row.line}: ${row.code}: ${row.message}`),
      `Credentials and index.json in ${options.out}`,
    ],
    summary,
  );
  return rejected.length > 0 ? 1 : 0;
}

/** The issue request for one CSV row; throws for a row whose cells do not make a valid credential. */
function requestOf(local: LocalIssuer, row: CsvRow, options: BatchOptions): IssueRequest {
  const { areaCode, ...input } = row.cells;
  const credential = buildProfileCredential(options.profile, input, local.issuer);
  const area = areaCode ?? options.area;
  return {
    issuerId: local.issuer.id,
    credential,
    format: options.format,
    batchKey: batchKeyOf(local.issuer.id, row.cells),
    ...(options.suspendable ? { suspendable: true } : {}),
    ...(area ? { areaCode: area } : {}),
  };
}

/** Writes an issued row's credential file and index entry (or only lists a row issued by an earlier run). */
async function recordRow(
  row: CsvRow,
  request: IssueRequest,
  result: IssueResult,
  options: BatchOptions,
  outDir: string,
  index: Map<string, BatchIndexEntry>,
): Promise<'issued' | 'already-issued'> {
  const batchKey = request.batchKey as string;
  const learner = row.cells.learnerName ?? row.cells.learnerId ?? 'learner';
  if (result.duplicate) {
    // Issued by an earlier run: the service keeps no copy, so a run into another folder can only list it.
    if (!index.has(batchKey)) {
      index.set(batchKey, {
        line: row.line,
        batchKey,
        credentialId: result.credentialId,
        learner,
        file: null,
      });
    }
    return 'already-issued';
  }
  const name = `${slug(learner)}-${batchKey.slice('sha256:'.length, 'sha256:'.length + 8)}.${options.format === 'jwt' ? 'jwt' : 'json'}`;
  const text =
    typeof result.credential === 'string' ? result.credential : JSON.stringify(result.credential, null, 2);
  await writeFile(join(outDir, name), `${text}\n`);
  index.set(batchKey, {
    line: row.line,
    batchKey,
    credentialId: result.credentialId,
    learner,
    file: name,
    format: options.format,
  });
  return 'issued';
}

async function readIndex(outDir: string): Promise<Map<string, BatchIndexEntry>> {
  try {
    const entries = JSON.parse(await readFile(join(outDir, 'index.json'), 'utf8')) as BatchIndexEntry[];
    return new Map(entries.map((entry) => [entry.batchKey, entry]));
  } catch {
    return new Map();
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'learner'
  );
}
