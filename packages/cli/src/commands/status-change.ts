import type { Command } from 'commander';
import { openLocalIssuer } from '../issuer-service.js';
import { type ProgramState, sessionAction } from '../session.js';

type StatusAction = 'revoke' | 'suspend' | 'unsuspend';

const DESCRIPTIONS: Record<StatusAction, string> = {
  revoke: 'revoke a credential for good (its status list bit is set)',
  suspend: 'suspend a credential issued with --suspendable (reversible)',
  unsuspend: 'lift the suspension of a credential',
};

/**
 * `revoke`, `suspend` and `unsuspend <credential-id>`: one command each, registered from one body because they
 * differ only by the action they ask the issuer service for.
 *
 * @example
 * registerStatusChanges(program, state); // skills-passport revoke urn:uuid:…
 */
export function registerStatusChanges(program: Command, state: ProgramState): void {
  for (const action of ['revoke', 'suspend', 'unsuspend'] as const) {
    program
      .command(action)
      .description(DESCRIPTIONS[action])
      .argument('<credential-id>', 'the credential id (urn:uuid:…) as printed by issue')
      .addHelpText(
        'after',
        `
The change is saved before the command returns; the status list is re-signed the next time it is served.
Repeating the command is harmless (it reports "unchanged").

Examples:
  $ skills-passport ${action} urn:uuid:3f0c2a9e-1b7d-4f3e-9c4a-2d5e8f6a7b10
  $ skills-passport ${action} urn:uuid:3f0c2a9e-1b7d-4f3e-9c4a-2d5e8f6a7b10 --json`,
      )
      .action(
        sessionAction(state, async (session, credentialId: string) => {
          const { service } = await openLocalIssuer(session);
          const result = await service.changeStatus({ credentialId, action });
          session.output.result(
            `${credentialId}: ${stateText(result)}${result.changed ? '' : ' (unchanged)'}`,
            result,
          );
          return 0;
        }),
      );
  }
}

/**
 * `revoked`, `suspended`, `revoked, suspended` or `active`.
 *
 * @example
 * stateText({ revoked: false, suspended: true }); // 'suspended'
 */
export function stateText(status: { revoked: boolean; suspended: boolean }): string {
  const states = [status.revoked ? 'revoked' : '', status.suspended ? 'suspended' : ''].filter(Boolean);
  return states.length > 0 ? states.join(', ') : 'active';
}
