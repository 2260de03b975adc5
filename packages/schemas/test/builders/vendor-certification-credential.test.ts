import { createHash } from 'node:crypto';
import {
  buildVendorCertificationCredential,
  type SchemaError,
  SchemaValidationError,
  validate,
} from '@skills-passport/schemas';
import { describe, expect, it } from 'vitest';
import { vendorCertificationRow } from './rows.js';

function errorsFor(row: Parameters<typeof buildVendorCertificationCredential>[0]): readonly SchemaError[] {
  try {
    buildVendorCertificationCredential(row);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaValidationError);
    return (error as SchemaValidationError).errors;
  }
  throw new Error('expected the builder to reject the row');
}

/** The distinct paths of the errors: one field may break several rules. */
function pathsOf(errors: readonly SchemaError[]): string[] {
  return [...new Set(errors.map((error) => error.path))].sort();
}

describe('buildVendorCertificationCredential', () => {
  it('turns a CSV row into a credential that passes vendor-certification and the official OB schema', () => {
    const credential = buildVendorCertificationCredential(vendorCertificationRow());
    expect(validate('vendor-certification', credential)).toEqual({ valid: true, errors: [] });
    expect(validate('open-badge-credential', credential).valid).toBe(true);
    const { achievement, identifier } = credential.credentialSubject;
    expect(achievement).toMatchObject({
      achievementType: 'Certification',
      humanCode: 'SY0-701',
      creator: { id: 'https://www.comptia.org/', name: 'CompTIA', url: 'https://www.comptia.org/' },
      renewal: { cycleMonths: 36, continuingEducationUnits: 50 },
    });
    expect(identifier).toEqual([
      { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: 'COMP001021234567' },
    ]);
    expect(credential.validUntil).toBe('2029-02-10T00:00:00Z');
  });

  it('defaults the criteria to passing the vendor exam', () => {
    const credential = buildVendorCertificationCredential(vendorCertificationRow());
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain('SY0-701');
  });

  it('stores a salted candidate id as an OB IdentityHash instead of plain text', () => {
    const credential = buildVendorCertificationCredential(
      vendorCertificationRow({ candidateIdSalt: 'Kosher' }),
    );
    const expected = createHash('sha256').update('COMP001021234567Kosher').digest('hex');
    expect(credential.credentialSubject.identifier).toEqual([
      {
        type: 'IdentityObject',
        identityType: 'identifier',
        hashed: true,
        identityHash: `sha256$${expected}`,
        salt: 'Kosher',
      },
    ]);
    expect(JSON.stringify(credential)).not.toContain('COMP001021234567');
  });

  it('requires validUntil, because certifications expire', () => {
    expect(pathsOf(errorsFor(vendorCertificationRow({ validUntil: '' })))).toEqual(['/validUntil']);
  });

  it('reports each missing or bad field by its input name', () => {
    const errors = errorsFor(
      vendorCertificationRow({
        certificationCode: '',
        candidateId: '',
        vendorUrl: '',
        renewalCycleMonths: '3.5',
        validUntil: 'soon',
      }),
    );
    expect(pathsOf(errors)).toEqual(
      ['/candidateId', '/certificationCode', '/renewalCycleMonths', '/validUntil', '/vendorId'].sort(),
    );
  });

  it('rejects an identity type OB does not know', () => {
    const errors = errorsFor(vendorCertificationRow({ candidateIdType: 'passport' }));
    expect(pathsOf(errors)).toEqual(['/candidateIdType']);
  });

  it('leaves renewal out when no renewal column is filled', () => {
    const credential = buildVendorCertificationCredential(
      vendorCertificationRow({ renewalCycleMonths: '', renewalContinuingEducationUnits: '' }),
    );
    expect(credential.credentialSubject.achievement).not.toHaveProperty('renewal');
  });
});
