import type { IssuanceKind, IssuanceLevel, IssuanceRecord } from '../issuer-store.js';
import { StoreError, StoreErrorCodes } from '../store-error.js';

const KINDS: readonly IssuanceKind[] = ['micro-module', 'vendor-certification', 'other'];
const LEVELS: readonly IssuanceLevel[] = ['essential', 'general', 'specialist'];

/** Column values of one `issuances` row, in the order of {@link ISSUANCE_COLUMNS}. */
export type IssuanceRow = [
  credentialId: string,
  issuerId: string,
  subjectId: string,
  kind: string,
  achievementId: string,
  achievementName: string,
  skills: string,
  level: string | null,
  areaCode: string | null,
  issuedAt: string,
  credentialHash: string,
  status: string,
  batchKey: string | null,
];

/** Column names of the `issuances` table, shared by both backends' INSERT and SELECT. */
export const ISSUANCE_COLUMNS = [
  'credential_id',
  'issuer_id',
  'subject_id',
  'kind',
  'achievement_id',
  'achievement_name',
  'skills',
  'level',
  'area_code',
  'issued_at',
  'credential_hash',
  'status',
  'batch_key',
] as const;

function invalid(message: string): StoreError {
  return new StoreError(StoreErrorCodes.invalidArgument, `Invalid issuance record: ${message}`);
}

/**
 * Normalises an ISO 8601 time to `Date#toISOString` form so that text comparison in SQL orders by time.
 *
 * @example
 * normaliseInstant('2026-11-23T10:00:00+01:00'); // '2026-11-23T09:00:00.000Z'
 */
export function normaliseInstant(value: string, field: string): string {
  const time = Date.parse(value);
  if (typeof value !== 'string' || Number.isNaN(time))
    throw invalid(`${field} is not an ISO 8601 date-time.`);
  return new Date(time).toISOString();
}

/**
 * Checks an issuance record and turns it into column values. Rejects anything outside the documented
 * shape before the transaction starts, so one bad record rolls back nothing half-written.
 *
 * @example
 * const row = toIssuanceRow(record);
 */
export function toIssuanceRow(record: IssuanceRecord): IssuanceRow {
  for (const field of [
    'credentialId',
    'issuerId',
    'subjectId',
    'achievementId',
    'achievementName',
  ] as const) {
    if (typeof record[field] !== 'string' || record[field] === '')
      throw invalid(`${field} must be a non-empty string.`);
  }
  if (!KINDS.includes(record.kind)) throw invalid(`kind must be one of ${KINDS.join(', ')}.`);
  if (record.level !== null && !LEVELS.includes(record.level)) {
    throw invalid(`level must be null or one of ${LEVELS.join(', ')}.`);
  }
  if (!/^[0-9a-f]{64}$/.test(record.credentialHash))
    throw invalid('credentialHash must be lowercase SHA-256 hex.');
  if (!Array.isArray(record.skills) || !Array.isArray(record.status)) {
    throw invalid('skills and status must be arrays.');
  }
  const skills = record.skills.map(({ framework, code, level }) =>
    level === undefined ? { framework, code } : { framework, code, level },
  );
  const status = record.status.map(({ listId, index, purpose }) => ({ listId, index, purpose }));
  return [
    record.credentialId,
    record.issuerId,
    record.subjectId,
    record.kind,
    record.achievementId,
    record.achievementName,
    JSON.stringify(skills),
    record.level,
    record.areaCode ?? null,
    normaliseInstant(record.issuedAt, 'issuedAt'),
    record.credentialHash,
    JSON.stringify(status),
    record.batchKey ?? null,
  ];
}

/** Reads a JSON column: SQLite hands back text, PostgreSQL `jsonb` an already parsed value. */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Turns a selected `issuances` row (snake_case columns) back into a record.
 *
 * @example
 * const record = fromIssuanceRow(row);
 */
export function fromIssuanceRow(row: Record<string, unknown>): IssuanceRecord {
  return {
    credentialId: row.credential_id as string,
    issuerId: row.issuer_id as string,
    subjectId: row.subject_id as string,
    kind: row.kind as IssuanceKind,
    achievementId: row.achievement_id as string,
    achievementName: row.achievement_name as string,
    skills: jsonColumn(row.skills),
    level: (row.level as IssuanceLevel | null) ?? null,
    areaCode: (row.area_code as string | null) ?? null,
    issuedAt: row.issued_at as string,
    credentialHash: row.credential_hash as string,
    status: jsonColumn(row.status),
    batchKey: (row.batch_key as string | null) ?? null,
  };
}

/** Rows fetched per page by `listIssuances` (keyset pagination keeps memory flat on big logs). */
export const ISSUANCE_PAGE_SIZE = 500;
