import {
  buildMicroModuleCredential,
  type SchemaError,
  SchemaValidationError,
  validate,
} from '@skills-passport/schemas';
import { describe, expect, it } from 'vitest';
import { microModuleRow } from './rows.js';

function errorsFor(row: Parameters<typeof buildMicroModuleCredential>[0]): readonly SchemaError[] {
  try {
    buildMicroModuleCredential(row);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaValidationError);
    expect((error as SchemaValidationError).code).toBe('invalid-credential');
    return (error as SchemaValidationError).errors;
  }
  throw new Error('expected the builder to reject the row');
}

/** The distinct paths of the errors: one field may break several rules. */
function pathsOf(errors: readonly SchemaError[]): string[] {
  return [...new Set(errors.map((error) => error.path))].sort();
}

describe('buildMicroModuleCredential', () => {
  it('turns a CSV row of strings into a credential that passes micro-module and the official OB schema', () => {
    const credential = buildMicroModuleCredential(microModuleRow());
    expect(validate('micro-module', credential)).toEqual({ valid: true, errors: [] });
    expect(validate('open-badge-credential', credential).valid).toBe(true);
    const { achievement } = credential.credentialSubject;
    expect(achievement.notionalLearningHours).toBe(12);
    expect(achievement.learningOutcomes).toEqual([
      'Recognise phishing',
      'Set up multi-factor authentication',
    ]);
    expect(achievement.alignment.map((a) => a.targetCode)).toEqual(['SCTY', 'EDS-SAFE-LEGAL']);
    expect(credential.validFrom).toBe('2026-03-02T00:00:00Z');
    expect(credential.credentialSubject.id).toBe(microModuleRow().learnerId);
  });

  it('links the assessment result to the achievement result description', () => {
    const { credentialSubject } = buildMicroModuleCredential(microModuleRow());
    const [description] = credentialSubject.achievement.resultDescription ?? [];
    expect(credentialSubject.result).toEqual([
      { type: ['Result'], resultDescription: description?.id, value: '86' },
    ]);
    expect(description).toMatchObject({ resultType: 'Percent', requiredValue: '70' });
  });

  it('treats empty cells as absent and leaves out what was not given', () => {
    const credential = buildMicroModuleCredential(
      microModuleRow({ assessmentValue: '', assessmentRequiredValue: ' ' }),
    );
    expect(credential.credentialSubject).not.toHaveProperty('result');
    expect(credential.credentialSubject.achievement).not.toHaveProperty('resultDescription');
    expect(credential.credentialSubject.achievement).not.toHaveProperty('creditsAvailable');
    expect(credential.issuer).not.toHaveProperty('url');
  });

  it('ignores columns it does not know, such as the CLI-only areaCode', () => {
    const row = { ...microModuleRow(), areaCode: 'E08000035' } as Parameters<
      typeof buildMicroModuleCredential
    >[0];
    const credential = buildMicroModuleCredential(row);
    expect(JSON.stringify(credential)).not.toContain('E08000035');
    expect(validate('micro-module', credential).valid).toBe(true);
  });

  it('accepts credits instead of notional learning hours', () => {
    const credential = buildMicroModuleCredential(
      microModuleRow({ notionalLearningHours: '', credits: '1.5' }),
    );
    expect(credential.credentialSubject.achievement.creditsAvailable).toBe(1.5);
  });

  it('records a separate training provider as the achievement creator', () => {
    const credential = buildMicroModuleCredential(
      microModuleRow({ providerId: 'did:web:library.example', providerName: 'Library Learning Hub' }),
    );
    expect(credential.credentialSubject.achievement.creator).toEqual({
      id: 'did:web:library.example',
      type: ['Profile'],
      name: 'Library Learning Hub',
    });
  });

  it('reports each bad or missing field by its input name, never returning a half-built credential', () => {
    const errors = errorsFor(
      microModuleRow({
        digitalSkillsLevel: 'expert',
        deliveryMode: '',
        learningOutcomes: '',
        notionalLearningHours: 'twelve',
        achievementName: '',
        learnerId: '',
      }),
    );
    expect(pathsOf(errors)).toEqual(
      [
        '/achievementName',
        '/deliveryMode',
        '/digitalSkillsLevel',
        '/learnerId',
        '/learningOutcomes',
        '/notionalLearningHours',
      ].sort(),
    );
  });

  it('asks for hours or credits when neither is given', () => {
    expect(pathsOf(errorsFor(microModuleRow({ notionalLearningHours: '' })))).toEqual([
      '/notionalLearningHours',
    ]);
  });

  it('points at the unreadable skill in the skills cell', () => {
    const errors = errorsFor(microModuleRow({ skills: 'UK-EDS:EDS-SAFE-LEGAL; SFIA:SCTY:9' }));
    expect(pathsOf(errors)).toEqual(['/skills/1']);
  });

  it('needs at least one skill', () => {
    expect(pathsOf(errorsFor(microModuleRow({ skills: '' })))).toEqual(['/skills']);
  });

  it('rejects a validUntil that is not after validFrom', () => {
    const errors = errorsFor(microModuleRow({ validUntil: '2026-03-01' }));
    expect(pathsOf(errors)).toEqual(['/validUntil']);
  });

  it('rejects assessment details without the result itself', () => {
    const errors = errorsFor(microModuleRow({ assessmentValue: '' }));
    expect(pathsOf(errors)).toEqual(['/assessmentValue']);
  });

  it('writes SFIA alignments with code and level but never a description', () => {
    const credential = buildMicroModuleCredential(microModuleRow({ skills: 'SFIA:PROG:3; SFIA:SCTY:2' }));
    for (const alignment of credential.credentialSubject.achievement.alignment) {
      expect(alignment).not.toHaveProperty('targetDescription');
      expect(alignment.skillLevel).toBeGreaterThan(0);
    }
  });
});
