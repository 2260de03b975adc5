import type { SchemaError } from '../schema-error.js';
import type { Result, ResultDescription } from '../types/open-badges.js';
import { newUrn } from './credential-envelope.js';

/**
 * An assessment result to record in the credential, e.g. `{ value: 86 }` for 86 % or
 * `{ resultType: 'ScaledScore', value: 812, valueMin: '100', valueMax: '900', requiredValue: '750' }`.
 *
 * @example
 * ```ts
 * const assessment: AssessmentInput = { name: 'End-of-module assessment', value: 86, status: 'Completed' };
 * ```
 */
export interface AssessmentInput {
  /** Defaults to `Assessment`. */
  name?: string;
  /** An OB ResultType (`Percent`, `ScaledScore`, `LetterGrade`, `Status`...); defaults to `Percent`. */
  resultType?: string;
  value: string | number;
  status?: Result['status'];
  valueMin?: string;
  valueMax?: string;
  requiredValue?: string;
}

/**
 * OB records a result in two places: the achievement describes what can be measured (`resultDescription`) and
 * the subject holds the learner's value (`result`), linked by the description's id.
 */
export function assessmentParts(assessment: AssessmentInput): {
  resultDescription: ResultDescription;
  result: Result;
} {
  const id = newUrn();
  const resultDescription: ResultDescription = {
    id,
    type: ['ResultDescription'],
    name: assessment.name ?? 'Assessment',
    resultType: assessment.resultType ?? 'Percent',
    ...(assessment.valueMin === undefined ? {} : { valueMin: assessment.valueMin }),
    ...(assessment.valueMax === undefined ? {} : { valueMax: assessment.valueMax }),
    ...(assessment.requiredValue === undefined ? {} : { requiredValue: assessment.requiredValue }),
  };
  const result: Result = {
    type: ['Result'],
    resultDescription: id,
    value: String(assessment.value),
    ...(assessment.status === undefined ? {} : { status: assessment.status }),
  };
  return { resultDescription, result };
}

/**
 * The assessment columns of a builder input, flat so that each is one CSV column. Only `assessmentValue`
 * is needed to record a result; the others describe it (OB ResultDescription).
 *
 * @example
 * ```ts
 * const row: AssessmentFields = { assessmentValue: '812', assessmentResultType: 'ScaledScore', assessmentRequiredValue: '750' };
 * ```
 */
export interface AssessmentFields {
  /** The learner's result, e.g. `86` (a percentage by default) or `812`. */
  assessmentValue?: string | number;
  /** Defaults to `Assessment`. */
  assessmentName?: string;
  /** OB ResultType: `Percent` (default), `ScaledScore`, `RawScore`, `LetterGrade`, `Status`... */
  assessmentResultType?: string;
  /** OB result status: `Completed`, `Failed`, `Provisional`... */
  assessmentStatus?: string;
  assessmentValueMin?: string | number;
  assessmentValueMax?: string | number;
  /** The pass mark. */
  assessmentRequiredValue?: string | number;
}

/** Field of the input that describes each assessment member, for error paths. */
export const ASSESSMENT_FIELD_PATHS = [
  ['/credentialSubject/result', 'assessmentValue'],
  ['/credentialSubject/result/0/status', 'assessmentStatus'],
  ['/credentialSubject/achievement/resultDescription/0/name', 'assessmentName'],
  ['/credentialSubject/achievement/resultDescription/0/resultType', 'assessmentResultType'],
  ['/credentialSubject/achievement/resultDescription/0/valueMin', 'assessmentValueMin'],
  ['/credentialSubject/achievement/resultDescription/0/valueMax', 'assessmentValueMax'],
  ['/credentialSubject/achievement/resultDescription/0/requiredValue', 'assessmentRequiredValue'],
] as const;

/**
 * Reads the flat assessment columns into an {@link AssessmentInput}; `undefined` when no result was given.
 * Describing columns without a value are reported, since a result description with no result is a mistake.
 *
 * @example
 * ```ts
 * assessmentFromFields({ assessmentValue: 86 }); // { value: 86 }
 * ```
 */
export function assessmentFromFields(fields: AssessmentFields): {
  assessment: AssessmentInput | undefined;
  errors: SchemaError[];
} {
  const text = (value: string | number | undefined) => (value === undefined ? undefined : String(value));
  if (fields.assessmentValue === undefined) {
    const stray = ASSESSMENT_FIELD_PATHS.map(([, field]) => field).filter(
      (field) => field !== 'assessmentValue' && fields[field] !== undefined,
    );
    return {
      assessment: undefined,
      errors:
        stray.length > 0
          ? [{ path: '/assessmentValue', message: `is required with ${stray.join(', ')}` }]
          : [],
    };
  }
  const assessment: AssessmentInput = {
    value: fields.assessmentValue,
    ...(fields.assessmentName === undefined ? {} : { name: fields.assessmentName }),
    ...(fields.assessmentResultType === undefined ? {} : { resultType: fields.assessmentResultType }),
    ...(fields.assessmentStatus === undefined ? {} : { status: fields.assessmentStatus as Result['status'] }),
    ...(fields.assessmentValueMin === undefined ? {} : { valueMin: text(fields.assessmentValueMin) }),
    ...(fields.assessmentValueMax === undefined ? {} : { valueMax: text(fields.assessmentValueMax) }),
    ...(fields.assessmentRequiredValue === undefined
      ? {}
      : { requiredValue: text(fields.assessmentRequiredValue) }),
  };
  return { assessment, errors: [] };
}
