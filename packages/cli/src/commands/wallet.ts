import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateKey, isImage, present, selectCredentials, summarise, unbake } from '@skills-passport/core';
import { type Command, Option } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { credentialDocument, subjectIdOf } from '../credential-document.js';
import { readInputBytes } from '../input-file.js';
import { reportLines, skillsText, verdictLine } from '../report-text.js';
import { type ProgramState, type Session, sessionAction } from '../session.js';
import { shareLink, terminalQr } from '../share-link.js';
import { createCliVerifier } from '../verifier.js';
import { Wallet, type WalletEntry } from '../wallet/wallet-store.js';

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
    .description('verify a credential (JSON, JWT or baked badge image) and keep it in the wallet')
    .argument('<file>', 'credential file, or - for standard input')
    .option('--force', 'keep a credential issued to another DID')
    .option('--offline', 'no network while verifying')
    .option('--trust <registry.json>', 'trust registry of recognised issuers')
    .addHelpText(
      'after',
      `
The credential must verify, and must be issued to the wallet's DID unless --force is given.

Examples:
  $ skills-passport wallet add alice-cyber.json
  $ skills-passport wallet add badge.png --trust registry.json`,
    )
    .action(
      sessionAction(
        state,
        async (session, file: string, options: { force?: boolean; offline?: boolean; trust?: string }) => {
          const holder = await Wallet.open(session.dataDir);
          const bytes = await readInputBytes(session.io, file);
          const report = await (await createCliVerifier(session, options))(bytes);
          if (!report.verified) {
            session.output.note(reportLines(session.output, report).join('\n'));
            throw new CliError(CliCodes.notVerified, `${file} does not verify; it was not added.`, {
              exitCode: 1,
            });
          }
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
          const entry = await holder.add(
            { id, format: typeof stored === 'string' ? 'jwt' : 'di', credential: stored },
            session.now(),
          );
          session.output.result([verdictLine(session.output, report), `Added ${id}`], {
            id,
            format: entry.format,
            report,
          });
          return 0;
        },
      ),
    );

  wallet
    .command('list')
    .description('list the credentials in the wallet')
    .addHelpText(
      'after',
      '\nExamples:\n  $ skills-passport wallet list\n  $ skills-passport wallet list --json',
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
            entry.id,
          ];
        });
        const lines =
          rows.length === 0
            ? ['The wallet is empty: add credentials with `skills-passport wallet add <file>`.']
            : session.output.table(['ACHIEVEMENT', 'ISSUER', 'SKILLS', 'EXPIRES', 'ID'], rows);
        session.output.result(
          lines,
          entries.map((entry) => ({
            id: entry.id,
            format: entry.format,
            addedAt: entry.addedAt,
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
  const selected = selectCredentials(
    entries.map((entry) => entry.credential),
    {
      ...(only ? { ids: only } : {}),
      ...(options.skill ? { skills: list(options.skill) } : {}),
      ...(options.issuer ? { issuers: list(options.issuer) } : {}),
    },
  );
  if (selected.length === 0) {
    throw new CliError(CliCodes.credentialNotFound, 'No credential in the wallet matches the selection.');
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
    { credentials: ids, out: options.out, presentation, ...(link ? { shareLink: link } : {}) },
  );
  return 0;
}

/** What the wallet keeps: a baked image's credential, a JWT as text, JSON as an object. */
function storedForm(bytes: Uint8Array): Record<string, unknown> | string {
  const text = isImage(bytes) ? (unbake(bytes)?.payload ?? '') : new TextDecoder().decode(bytes);
  const trimmed = text.trim();
  return trimmed.startsWith('{') ? (JSON.parse(trimmed) as Record<string, unknown>) : trimmed;
}

function summaryOf(entry: WalletEntry) {
  return summarise(credentialDocument(entry.credential) ?? {});
}
