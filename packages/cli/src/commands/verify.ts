import type { Command } from 'commander';
import { readCredentialInput } from '../input-file.js';
import { isUnreadable, reportLines } from '../report-text.js';
import { type ProgramState, sessionAction } from '../session.js';
import { createCliVerifier } from '../verifier.js';

interface VerifyOptions {
  trust?: string;
  requireTrusted?: boolean;
  challenge?: string;
  domain?: string;
  recipient?: string;
  offline?: boolean;
  refresh?: boolean;
  fetchSchemas?: boolean;
}

/**
 * `verify <file|URL|->`: verifies a credential, presentation, JWT, baked PNG/SVG badge or Open Badges 2.0
 * assertion (JSON, JWS or hosted URL) and prints the report. Exit 0 verified, 1 not verified, 2 unreadable input.
 *
 * @example
 * registerVerify(program, state); // skills-passport verify passport.json --challenge abc --domain jobs.example
 */
export function registerVerify(program: Command, state: ProgramState): void {
  program
    .command('verify')
    .description(
      'verify a credential, presentation, JWT, baked badge image or Open Badges 2.0 assertion (- reads stdin)',
    )
    .argument('<file>', 'file to verify, an https OB 2.0 assertion URL, or - for standard input')
    .option('--trust <registry.json>', 'trust registry of recognised issuers')
    .option('--require-trusted', 'fail (not just warn) when the issuer is not in the trust registry')
    .option('--challenge <challenge>', 'the challenge the presentation must be bound to')
    .option('--domain <domain>', 'the domain the presentation must be bound to')
    .option(
      '--recipient <email|url>',
      'who the badge should have been issued to (checked against its, possibly hashed, recipient)',
    )
    .option('--offline', 'no network: remote status lists and did:web documents are not checked')
    .option('--refresh', "follow an OB 3.0 refreshService and verify the issuer's current copy instead")
    .option(
      '--fetch-schemas',
      'fetch and apply credentialSchema schemas that are not bundled (off by default)',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 verified, 1 not verified, 2 bad usage or unreadable input.

Examples:
  $ skills-passport verify credential.json
  $ skills-passport verify badge.png --trust registry.json
  $ skills-passport verify https://vendor.example/assertions/42 --recipient sam.taylor@example.org
  $ skills-passport verify passport.json --challenge 7f3a --domain https://jobs.example.com
  $ skills-passport verify credential.json --refresh --fetch-schemas
  $ cat credential.jwt | skills-passport verify - --offline --json`,
    )
    .action(
      sessionAction(state, async (session, file: string, options: VerifyOptions) => {
        const input = await readCredentialInput(session.io, file);
        const verify = await createCliVerifier(session, options);
        const report = await verify(input.bytes, {
          ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
          ...(options.domain !== undefined ? { domain: options.domain } : {}),
          ...(options.recipient !== undefined ? { recipient: options.recipient } : {}),
        });
        session.output.result(reportLines(session.output, report), report);
        return report.verified ? 0 : isUnreadable(report) ? 2 : 1;
      }),
    );
}
