import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type CredentialReport,
  type CredentialSelection,
  type CredentialSummary,
  generateKey,
  isEvidenceOnly,
  isImage,
  matchesSelection,
  present,
  selectCredentials,
  summarise,
  unbake,
} from '@skills-passport/core';
import { type Command, Option } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { credentialDocument, subjectIdOf } from '../credential-document.js';
import { readCredentialInput } from '../input-file.js';
import { reportLines, skillsText, verdictLine } from '../report-text.js';
import { type ProgramState, type Session, sessionAction } from '../session.js';
import { shareLink, terminalQr } from '../share-link.js';
import { createCliVerifier } from '../verifier.js';
import { Wallet, type WalletEntry, type WalletOriginal } from '../wallet/wallet-store.js';

/**
 * `wallet …`: the learner's side: a did:key, the credentials they hold, and signed presentations for employers.
 *
 * @example
 * registerWallet(program, state); // skills-passport wallet present --challenge X --domain Y --out vp.json
 */
export function registerWallet(program: Command, state: ProgramState): void {
  const wallet = program
    .command('wallet')
    .description("the learner's wallet: keep credentials and present them to employers")
    .addHelpText(
      'after',
      `
Examples:
  $ skills-passport wallet init
  $ skills-passport wallet add alice-cyber.json
  $ skills-passport wallet list
  $ skills-passport wallet present --challenge 7f3a --domain https://jobs.example.com --skill SFIA:SCTY --out passport.json`,
    );

  wallet
    .command('init')
    .description("create the learner's key (did:key); credentials should be issued to its DID")
    .addHelpText(
      'after',
      '\nExamples:\n  $ skills-passport wallet init\n  $ skills-passport --data-dir ~/passport wallet init --json',
    )
    .action(
      sessionAction(state, async (session) => {
        const created = await Wallet.create(session.dataDir, await generateKey());
        session.output.result(
          [`Wallet ready. Your DID: ${created.did}`, 'Give this DID to your training provider.'],
          {
            did: created.did,
            dataDir: session.dataDir,
          },
        );
        return 0;
      }),
    );

  wallet
    .command('add')
    .description(
      'verify a credential (JSON, JWT, baked badge image, or an Open Badges 2.0 assertion or its URL) and keep it',
    )
    .argument('<file>', 'credential file, an https OB 2.0 assertion URL, or - for standard input')
    .option(
      '--force',
      "keep a credential issued to another DID, or an OB 2.0 badge whose recipient wasn't checked",
    )
    .option('--recipient <email|url>', 'who an Open Badges 2.0 badge must have been issued to (your email)')
    .option('--offline', 'no network while verifying')
    .option('--trust <registry.json>', 'trust registry of recognised issuers')
    .addHelpText(
      'after',
      `
The credential must verify, and must be issued to the wallet's DID unless --force is given. An Open Badges 2.0
badge (Credly, Canvas Credentials, Accredible...) names its recipient by email or URL, usually hashed: give
--recipient so the wallet checks it is yours. The original file, image or URL is kept as it was added.

Examples:
  $ skills-passport wallet add alice-cyber.json
  $ skills-passport wallet add badge.png --trust registry.json
  $ skills-passport wallet add https://vendor.example/assertions/42 --recipient sam.taylor@example.org`,
    )
    .action(
      sessionAction(state, (session, file: string, options: AddOptions) =>
        addCommand(session, file, options),
      ),
    );

  wallet
    .command('list')
    .description('list the credentials in the wallet')
    .addHelpText(
      'after',
      `
KIND is how each one is secured: di or jwt (Open Badges 3.0, bound to your DID in a presentation), ob2-hosted or
ob2-signed (Open Badges 2.0: a presentation carries them as evidence, not bound to you; hosted ones need
--format jwt).

Examples:
  $ skills-passport wallet list
  $ skills-passport wallet list --json`,
    )
    .action(
      sessionAction(state, async (session) => {
        const entries = await (await Wallet.open(session.dataDir)).list();
        const rows = entries.map((entry) => {
          const summary = summaryOf(entry);
          return [
            summary.achievement?.name ?? '(unnamed)',
            summary.issuer?.name ?? summary.issuer?.id ?? '',
            skillsText(summary),
            summary.expires?.slice(0, 10) ?? '-',
            entry.format,
            entry.id,
          ];
        });
        const lines =
          rows.length === 0
            ? ['The wallet is empty: add credentials with `skills-passport wallet add <file>`.']
            : session.output.table(['ACHIEVEMENT', 'ISSUER', 'SKILLS', 'EXPIRES', 'KIND', 'ID'], rows);
        session.output.result(
          lines,
          entries.map((entry) => ({
            id: entry.id,
            format: entry.format,
            addedAt: entry.addedAt,
            ...(entry.original ? { source: entry.original.source } : {}),
            summary: summaryOf(entry),
          })),
        );
        return 0;
      }),
    );

  wallet
    .command('show')
    .description('show one credential of the wallet')
    .argument('<id>', 'credential id (or a unique part of its start or end)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ skills-passport wallet show urn:uuid:3f0c2a9e-1b7d-4f3e-9c4a-2d5e8f6a7b10\n  $ skills-passport wallet show 7b10 --json',
    )
    .action(
      sessionAction(state, async (session, id: string) => {
        const entry = await (await Wallet.open(session.dataDir)).find(id);
        const summary = summaryOf(entry);
        session.output.result(
          [
            `${summary.achievement?.name ?? '(unnamed)'}`,
            `  Issuer   ${summary.issuer?.name ?? ''} (${summary.issuer?.id ?? '?'})`,
            `  Skills   ${skillsText(summary) || '-'}`,
            `  Issued   ${summary.issued ?? '-'}`,
            `  Expires  ${summary.expires ?? '-'}`,
            `  Format   ${entry.format}`,
            ...(entry.original ? [`  Source   ${entry.original.source} (${entry.original.mediaType})`] : []),
            `  Id       ${entry.id}`,
            '',
            typeof entry.credential === 'string'
              ? entry.credential
              : JSON.stringify(entry.credential, null, 2),
          ],
          { ...entry, summary },
        );
        return 0;
      }),
    );

  wallet
    .command('present')
    .description('make a signed presentation of some or all credentials for an employer')
    .requiredOption('--challenge <challenge>', "the employer's one-time challenge")
    .requiredOption('--domain <domain>', 'who the presentation is for (the employer site)')
    .option('--only <ids>', 'comma-separated credential ids (or unique parts, as for show) to share')
    .option(
      '--skill <skills>',
      'share credentials with any of these skills (comma-separated, e.g. SFIA:SCTY)',
    )
    .option('--issuer <ids>', 'share credentials from these issuers (comma-separated DIDs)')
    .addOption(new Option('--format <format>', 'presentation format').choices(['di', 'jwt']).default('di'))
    .option('--out <file>', 'write the presentation here (default: stdout)')
    .option('--qr', 'also print a QR code of a share link (see --server)')
    .option('--server <url>', 'verification server for the share link (<server>/#vp=…); default a data: URL')
    .addHelpText(
      'after',
      `
A QR code holds at most 2,953 bytes; most presentations are bigger (one JWT credential in a JWT presentation
is about 3 KB). Then the file is still written and the command exits 2 with qr-too-large.

Examples:
  $ skills-passport wallet present --challenge 7f3a --domain https://jobs.example.com --out passport.json
  $ skills-passport wallet present --challenge 7f3a --domain https://jobs.example.com --skill SFIA:SCTY --format jwt --qr --server https://verify.example.com`,
    )
    .action(sessionAction(state, (session, options: PresentOptions) => presentCommand(session, options)));
}

interface AddOptions {
  force?: boolean;
  recipient?: string;
  offline?: boolean;
  trust?: string;
}

async function addCommand(session: Session, file: string, options: AddOptions): Promise<number> {
  const holder = await Wallet.open(session.dataDir);
  const input = await readCredentialInput(session.io, file);
  const verify = await createCliVerifier(session, options);
  const report = await verify(
    input.bytes,
    options.recipient !== undefined ? { recipient: options.recipient } : {},
  );
  if (report.kind === 'presentation') {
    throw new CliError(
      CliCodes.inputUnreadable,
      `${file} is a presentation; add the credentials it was made from instead.`,
    );
  }
  if (!report.verified) {
    session.output.note(reportLines(session.output, report).join('\n'));
    throw new CliError(CliCodes.notVerified, `${file} does not verify; it was not added.`, {
      exitCode: 1,
    });
  }
  const checked = report.credentials[0];
  const original: WalletOriginal = {
    source: input.source,
    mediaType: input.mediaType,
    base64: Buffer.from(input.bytes).toString('base64'),
  };
  const entry =
    checked && isEvidenceOnly(checked)
      ? ob2Entry(checked, input.bytes, original, file, options)
      : ob3Entry(holder, input.bytes, original, file, options);
  const added = await holder.add(entry, session.now());
  const recipient = checked?.checks.find((check) => check.check === 'recipient');
  session.output.result(
    [
      verdictLine(session.output, report),
      ...(recipient && options.recipient !== undefined ? [`Recipient: ${recipient.message}`] : []),
      `Added ${added.id} (${added.format})`,
    ],
    { id: added.id, format: added.format, source: original.source, report },
  );
  return 0;
}

/** An OB 3.0 credential: kept in the form a presentation carries, and it must be issued to this wallet's DID. */
function ob3Entry(
  holder: Wallet,
  bytes: Uint8Array,
  original: WalletOriginal,
  file: string,
  options: AddOptions,
): Omit<WalletEntry, 'addedAt'> {
  const stored = storedForm(bytes);
  const credential = credentialDocument(stored);
  const id = typeof credential?.id === 'string' ? credential.id : undefined;
  if (!credential || !id) {
    throw new CliError(CliCodes.inputUnreadable, `${file} holds no credential with an id.`);
  }
  const subject = subjectIdOf(credential);
  if (subject !== holder.did && !options.force) {
    throw new CliError(
      CliCodes.recipientMismatch,
      `${file} was issued to ${subject ?? 'no DID'}, not to this wallet (${holder.did}); use --force to keep it anyway.`,
      { exitCode: 1 },
    );
  }
  return { id, format: typeof stored === 'string' ? 'jwt' : 'di', credential: stored, original };
}

/**
 * An Open Badges 2.0 assertion: kept as verified (the issuer's hosted copy, or the JWS) with the summary, since
 * its badge and issuer are linked documents. Its recipient is an email or URL, so `--recipient` must match it.
 */
function ob2Entry(
  checked: CredentialReport,
  bytes: Uint8Array,
  original: WalletOriginal,
  file: string,
  options: AddOptions,
): Omit<WalletEntry, 'addedAt'> {
  const recipient = checked.checks.find((check) => check.check === 'recipient');
  if (recipient?.outcome !== 'pass' && !options.force) {
    throw new CliError(
      CliCodes.recipientRequired,
      options.recipient === undefined
        ? `${file} is an Open Badges 2.0 badge issued to ${checked.summary.learner?.id?.includes('$') ? 'a hashed' : 'an'} email or URL: add --recipient <your email> so the wallet can check it is yours, or --force to keep it unchecked.`
        : `${file}: the recipient could not be compared (${recipient?.message ?? 'no recipient'}); use --force to keep it unchecked.`,
    );
  }
  const format = checked.format as 'ob2-hosted' | 'ob2-signed';
  const credential = format === 'ob2-signed' ? storedForm(bytes) : (checked.credential ?? storedForm(bytes));
  const id =
    checked.summary.id ??
    `sha256:${createHash('sha256').update(Buffer.from(original.base64, 'base64')).digest('hex')}`;
  return { id, format, credential, original, summary: checked.summary };
}

interface PresentOptions {
  challenge: string;
  domain: string;
  only?: string;
  skill?: string;
  issuer?: string;
  format: 'di' | 'jwt';
  out?: string;
  qr?: boolean;
  server?: string;
}

async function presentCommand(session: Session, options: PresentOptions): Promise<number> {
  const holder = await Wallet.open(session.dataDir);
  const entries = await holder.list();
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  // --only takes what `wallet show` takes (a full id or a unique part of it); an unknown one is an error,
  // not a silently smaller presentation.
  const only = options.only
    ? await Promise.all((list(options.only) ?? []).map(async (id) => (await holder.find(id)).id))
    : undefined;
  const selection = {
    ...(only ? { ids: only } : {}),
    ...(options.skill ? { skills: list(options.skill) } : {}),
    ...(options.issuer ? { issuers: list(options.issuer) } : {}),
  };
  // OB 2.0 assertions name their recipient by email, not by the holder's DID: they travel as evidence that the
  // verifier checks on its own (holder-not-bound). A hosted one's JSON fits only a JWT presentation (a Data
  // Integrity proof would need the OB 2.0 JSON-LD context, which is not bundled); a signed one travels as its JWS.
  const badges = entries.filter((entry) => isEvidenceOnly(entry) && matchesSummary(entry, selection));
  const evidence = badges.filter((entry) => options.format === 'jwt' || entry.format === 'ob2-signed');
  const skipped = badges.filter((entry) => !evidence.includes(entry));
  const selected = [
    ...selectCredentials(
      entries.filter((entry) => !isEvidenceOnly(entry)).map((entry) => entry.credential),
      selection,
    ),
    ...evidence.map((entry) => entry.credential),
  ];
  if (evidence.length > 0) session.output.note(evidenceNote(evidence));
  if (skipped.length > 0) session.output.note(skippedNote(skipped));
  if (selected.length === 0) {
    throw new CliError(
      CliCodes.credentialNotFound,
      skipped.length > 0
        ? 'Only hosted Open Badges 2.0 badges match the selection: present them with --format jwt.'
        : 'No credential in the wallet matches the selection.',
    );
  }
  const presentation = await present(selected, {
    holderKey: holder.holderKey,
    challenge: options.challenge,
    domain: options.domain,
    format: options.format,
    now: () => session.now(),
  });
  const text = typeof presentation === 'string' ? presentation : JSON.stringify(presentation, null, 2);
  if (options.out) await writeFile(resolve(session.io.cwd, options.out), `${text}\n`);
  const link = options.qr ? shareLink(presentation, options.server) : undefined;
  const qr = link ? await terminalQr(link) : undefined;
  const ids = selected.map((item) => String(credentialDocument(item)?.id ?? ''));
  if (!options.out && !session.output.json) {
    session.output.raw(text);
  }
  session.output.result(
    [
      ...(options.out ? [`Presented ${ids.length} credential(s) to ${options.domain}: ${options.out}`] : []),
      ...(qr ? [qr, link ?? ''] : []),
    ],
    {
      credentials: ids,
      out: options.out,
      presentation,
      ...(link ? { shareLink: link } : {}),
      ...(skipped.length > 0
        ? {
            skipped: skipped.map((entry) => ({
              id: entry.id,
              format: entry.format,
              reason: 'needs-jwt-format',
            })),
          }
        : {}),
      ...(evidence.length > 0
        ? { evidence: evidence.map((entry) => ({ id: entry.id, format: entry.format })) }
        : {}),
    },
  );
  return 0;
}

/** What the wallet keeps: a baked image's credential, a JWT as text, JSON as an object. */
function storedForm(bytes: Uint8Array): Record<string, unknown> | string {
  const text = isImage(bytes) ? (unbake(bytes)?.payload ?? '') : new TextDecoder().decode(bytes);
  const trimmed = text.trim();
  return trimmed.startsWith('{') ? (JSON.parse(trimmed) as Record<string, unknown>) : trimmed;
}

/** The summary kept when it was added (OB 2.0), else the one read from the credential itself. */
function summaryOf(entry: WalletEntry): CredentialSummary {
  return entry.summary ?? summarise(credentialDocument(entry.credential) ?? {});
}

/** The selection `selectCredentials` applies, on an OB 2.0 badge's kept summary (its badge is a linked document). */
function matchesSummary(entry: WalletEntry, selection: CredentialSelection): boolean {
  const summary = summaryOf(entry);
  const facts = { id: entry.id, types: summary.types, issuer: summary.issuer?.id, skills: summary.skills };
  return matchesSelection(facts, selection);
}

function badgeNames(entries: WalletEntry[]): string {
  return entries
    .map((entry) => `${summaryOf(entry).achievement?.name ?? '(unnamed)'} (${entry.id})`)
    .join('; ');
}

function evidenceNote(evidence: WalletEntry[]): string {
  const count = `${evidence.length} Open Badges 2.0 badge${evidence.length === 1 ? '' : 's'}`;
  return `Included as evidence: ${count}, verified on its own by the employer but not bound to you (an OB 2.0 badge names its recipient by email, not by your DID): ${badgeNames(evidence)}.`;
}

function skippedNote(skipped: WalletEntry[]): string {
  const count = `${skipped.length} hosted Open Badges 2.0 badge${skipped.length === 1 ? '' : 's'}`;
  return `Not presented: ${count}, which only a JWT presentation can carry (use --format jwt): ${badgeNames(skipped)}.`;
}
