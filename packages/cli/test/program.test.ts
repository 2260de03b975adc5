import { describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-harness.js';

const COMMANDS = [
  [],
  ['init'],
  ['issue'],
  ['issue-batch'],
  ['revoke'],
  ['suspend'],
  ['unsuspend'],
  ['status'],
  ['verify'],
  ['validate'],
  ['wallet'],
  ['wallet', 'init'],
  ['wallet', 'add'],
  ['wallet', 'list'],
  ['wallet', 'show'],
  ['wallet', 'present'],
  ['match'],
  ['keys'],
  ['keys', 'export'],
  ['keys', 'import'],
];

describe('the skills-passport program', () => {
  it('gives every command help with examples, exiting 0', async () => {
    const sandbox = await CliSandbox.create();
    try {
      for (const command of COMMANDS) {
        const result = await sandbox.run([...command, '--help']);
        expect(result.code, command.join(' ')).toBe(0);
        expect(result.stdout, command.join(' ')).toContain('Examples:');
      }
    } finally {
      await sandbox.dispose();
    }
  });

  it('treats a missing subcommand or an unknown command as bad usage (exit 2)', async () => {
    const sandbox = await CliSandbox.create();
    try {
      expect((await sandbox.run(['wallet'])).code).toBe(2);
      const unknown = await sandbox.run(['frobnicate']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^error usage: /);
    } finally {
      await sandbox.dispose();
    }
  });
});
