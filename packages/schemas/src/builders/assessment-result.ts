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
