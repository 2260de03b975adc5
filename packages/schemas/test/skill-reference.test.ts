import {
  alignmentForSkill,
  ESSENTIAL_DIGITAL_SKILLS,
  parseSkillReference,
  parseSkillReferences,
  validate,
} from '@skills-passport/schemas';
import { describe, expect, it } from 'vitest';
import { readExample } from './example-files.js';

describe('skill references', () => {
  it('reads SFIA, ESCO and UK EDS references from a CSV cell', () => {
    expect(
      parseSkillReferences('sfia:scty:3; ESCO:http://data.europa.eu/esco/skill/abc; EDS:eds-safe-legal'),
    ).toEqual([
      { framework: 'SFIA', code: 'SCTY', level: 3 },
      { framework: 'ESCO', code: 'http://data.europa.eu/esco/skill/abc' },
      { framework: 'UK-EDS', code: 'EDS-SAFE-LEGAL' },
    ]);
  });

  it('refuses an SFIA reference without a level 1-7, an unknown EDS area and an unknown framework', () => {
    for (const text of [
      'SFIA:SCTY',
      'SFIA:SCTY:0',
      'SFIA:SCTY:8',
      'UK-EDS:EDS-COOKING',
      'ONET:15-1212',
      'SCTY',
    ]) {
      expect(parseSkillReference(text), text).toBeUndefined();
    }
  });

  it('never puts SFIA descriptive text in an SFIA alignment, even when a name is given', () => {
    const alignment = alignmentForSkill({
      framework: 'SFIA',
      code: 'SCTY',
      level: 4,
      name: 'Information security',
    });
    expect(alignment).not.toHaveProperty('targetDescription');
    expect(alignment).toMatchObject({ targetCode: 'SCTY', skillLevel: 4, targetFramework: 'SFIA 9' });
  });

  it('makes an alignment the schemas recognise for every framework and EDS area', () => {
    const credential = readExample('micro-module-cyber-security-essentials.json') as {
      credentialSubject: { achievement: { alignment: unknown[] } };
    };
    const skills = [
      { framework: 'SFIA' as const, code: 'PROG', level: 5 },
      {
        framework: 'ESCO' as const,
        code: 'http://data.europa.eu/esco/skill/1605025e-a179-421f-8f35-5b07d182a6b2',
      },
      ...Object.keys(ESSENTIAL_DIGITAL_SKILLS).map((code) => ({ framework: 'UK-EDS' as const, code })),
    ];
    for (const skill of skills) {
      credential.credentialSubject.achievement.alignment = [alignmentForSkill(skill)];
      expect(validate('micro-module', credential), skill.code).toEqual({ valid: true, errors: [] });
    }
  });

  it('the schemas reject an SFIA alignment that carries a description', () => {
    const credential = readExample('vendor-certification-comptia-security-plus.json') as {
      credentialSubject: { achievement: { alignment: Record<string, unknown>[] } };
    };
    credential.credentialSubject.achievement.alignment[0]!.targetDescription = 'Copied SFIA text.';
    expect(validate('vendor-certification', credential).errors).toContainEqual({
      path: '/credentialSubject/achievement/alignment/0/targetDescription',
      message: 'is not allowed here',
    });
  });
});
