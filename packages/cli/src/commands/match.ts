import { type MatchResult, matchRequirements, type VerificationReport } from '@skills-passport/core';
import { type JobRequirements, validate } from '@skills-passport/schemas';
import type { Command } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { readInputBytes, readJsonFile } from '../input-file.js';
import type { Output } from '../output.js';
import { isUnreadable, verdictLine } from '../report-text.js';
import { type ProgramState, sessionAction } from '../session.js';
import { createCliVerifier } from '../verifier.js';

interface MatchOptions {
  challenge?: string;
  domain?: string;
  trust?: string;
  offline?: boolean;
}

/**
 * `match <presentation> <job.json>`: verifies a passport and shows how its verified skills cover a job's
 * requirements. Exit 0 when the presentation verified, 1 when it did not, 2 for unreadable input.
 *
 * @example
 * registerMatch(program, state); // skills-passport match passport.json job.json
 */
export function registerMatch(program: Command, state: ProgramState): void {
  program
    .command('match')
    .description("verify a presentation and match its skills against a job's requirements")
    .argument('<presentation>', 'the presentation (JSON or JWT), or - for standard input')
    .argument('<job.json>', 'job requirements (job-requirements schema)')
    .option('--challenge <challenge>', 'the challenge the presentation must be bound to')
    .option('--domain <domain>', 'the domain the presentation must be bound to')
    .option('--trust <registry.json>', 'trust registry of recognised issuers')
    .option('--offline', 'no network while verifying')
    .addHelpText(
      'after',
      `
Only skills from verified credentials count. Exit codes: 0 the presentation verified (whatever the match),
1 it did not verify, 2 unreadable input.

Examples:
  $ skills-passport match passport.json job.json --challenge 7f3a --domain https://jobs.example.com
  $ skills-passport match passport.jwt examples/jobs/soc-analyst.json --json`,
    )
    .action(
      sessionAction(
        state,
        async (session, presentationFile: string, jobFile: string, options: MatchOptions) => {
          const job = await readJsonFile(session.io, jobFile);
          const checked = validate('job-requirements', job);
          if (!checked.valid) {
            throw new CliError(CliCodes.inputUnreadable, `${jobFile} is not valid job requirements.`, {
              details: checked.errors,
            });
          }
          const bytes = await readInputBytes(session.io, presentationFile);
          const verify = await createCliVerifier(session, options);
          const report = await verify(bytes, {
            ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
            ...(options.domain !== undefined ? { domain: options.domain } : {}),
          });
          if (isUnreadable(report)) {
            session.output.result(verdictLine(session.output, report), { report });
            return 2;
          }
          const match = matchRequirements(report, job as JobRequirements);
          session.output.result(matchLines(session.output, report, match), { report, match });
          return report.verified ? 0 : 1;
        },
      ),
    );
}

function matchLines(output: Output, report: VerificationReport, match: MatchResult): string[] {
  const rows = match.requirements.map((entry) => {
    const { requirement, outcome } = entry;
    const styled =
      outcome === 'met'
        ? output.style('green', outcome)
        : outcome === 'missing'
          ? output.style('red', outcome)
          : output.style('yellow', outcome);
    return [
      `${requirement.framework}:${requirement.code}${requirement.minimumLevel ? ` >= ${requirement.minimumLevel}` : ''}`,
      requirement.importance,
      styled,
      entry.evidence.map((evidence) => evidence.achievement ?? evidence.credentialId ?? '?').join('; ') ||
        '-',
    ];
  });
  return [
    verdictLine(output, report),
    `Job: ${match.title}`,
    ...output.table(['SKILL', 'IMPORTANCE', 'MATCH', 'EVIDENCE'], rows),
    `Score: ${match.score}/100. ${match.allRequiredMet ? 'Every required skill is met.' : 'Some required skills are not met.'}`,
    ...match.notCounted.map(
      (credential) =>
        `Not counted: ${credential.achievement ?? credential.credentialId ?? 'a credential'} (${credential.reason})`,
    ),
  ];
}
