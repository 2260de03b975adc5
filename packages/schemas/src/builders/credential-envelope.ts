import { randomUUID } from 'node:crypto';
import { CREDENTIAL_CONTEXTS } from '../context.js';
import type { SchemaError } from '../schema-error.js';
import {
  CREDENTIAL_SCHEMA_TYPE,
  OPEN_BADGES_SCHEMA_URL,
  type SchemaKind,
  schemaIdFor,
} from '../schema-ids.js';
import type { CredentialSchemaEntry, Profile } from '../types/open-badges.js';
import type { InputFieldMap } from './input-paths.js';

/**
 * Input every credential builder shares: who issues, to whom, and when it is valid. Dates may be `Date`s,
 * ISO date-times or plain `YYYY-MM-DD` dates (read as midnight UTC), as they come out of a CSV file.
 *
 * @example
 * ```ts
 * const common: CredentialEnvelopeInput = {
 *   issuerId: 'did:web:leeds-college.example', issuerName: 'Leeds City College',
 *   learnerId: 'did:key:z6Mk…', learnerName: 'Aisha Khan', validFrom: '2026-03-02',
 * };
 * ```
 */
export interface CredentialEnvelopeInput {
  /** Defaults to a fresh `urn:uuid:`. */
  credentialId?: string;
  issuerId: string;
  issuerName: string;
  issuerUrl?: string;
  /** The learner's DID (becomes `credentialSubject.id`). */
  learnerId?: string;
  /** The learner's name as the issuer knows it (becomes `credentialSubject.name`). */
  learnerName?: string;
  /** Defaults to now. */
  validFrom?: string | Date;
  validUntil?: string | Date;
  /** When the achievement was awarded, if not the same as `validFrom`. */
  awardedDate?: string | Date;
}

/** Where each {@link CredentialEnvelopeInput} field lands in a credential. */
export const ENVELOPE_FIELD_PATHS: InputFieldMap = [
  ['/id', 'credentialId'],
  ['/issuer', 'issuerId', 'exact'],
  ['/credentialSubject', 'learnerId', 'exact'],
  ['/issuer/id', 'issuerId'],
  ['/issuer/name', 'issuerName'],
  ['/issuer/url', 'issuerUrl'],
  ['/credentialSubject/id', 'learnerId'],
  ['/credentialSubject/name', 'learnerName'],
  ['/validFrom', 'validFrom'],
  ['/validUntil', 'validUntil'],
  ['/awardedDate', 'awardedDate'],
];

/** A fresh credential or achievement id. */
export function newUrn(): string {
  return `urn:uuid:${randomUUID()}`;
}

/**
 * Normalises a date cell to an XML Schema date-time. Invalid text is passed through unchanged so the schema
 * reports it at the right path instead of the builder guessing.
 */
export function toDateTime(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const text = value.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
}

/** Reads a number cell; text that is not a number is passed through for the schema to reject. */
export function toNumber(value: number | string | undefined): number | string | undefined {
  if (value === undefined || typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : text;
}

/** Turns a `;`-separated cell or a list into a list of non-empty, trimmed strings. */
export function toList(value: string | readonly string[]): string[] {
  const items = typeof value === 'string' ? value.split(';') : value;
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

/**
 * A `Profile` for an organisation given its id, name and optional web page. A missing id or name is left out
 * (not invented) so the schema reports it.
 */
export function profileOf(id: string | undefined, name: string | undefined, url?: string): Profile {
  return {
    ...(id === undefined ? {} : { id }),
    type: ['Profile'],
    ...(name === undefined ? {} : { name }),
    ...(url === undefined ? {} : { url }),
  } as Profile;
}

/** `credentialSchema`: the official OB schema first, then our profile, as 1EdTech validators expect. */
export function credentialSchemaFor(kind: SchemaKind): CredentialSchemaEntry[] {
  return [
    { id: OPEN_BADGES_SCHEMA_URL, type: CREDENTIAL_SCHEMA_TYPE },
    { id: schemaIdFor(kind), type: CREDENTIAL_SCHEMA_TYPE },
  ];
}

/**
 * The members of an unsigned OpenBadgeCredential that do not depend on the profile, in the usual order,
 * plus any problem JSON Schema cannot express (validUntil must come after validFrom).
 */
export function credentialEnvelope(
  kind: SchemaKind,
  input: CredentialEnvelopeInput,
  name: string,
): { envelope: Record<string, unknown>; errors: SchemaError[] } {
  const validFrom = toDateTime(input.validFrom ?? new Date());
  const validUntil = toDateTime(input.validUntil);
  const awardedDate = toDateTime(input.awardedDate);
  const errors: SchemaError[] = [];
  if (
    validFrom !== undefined &&
    validUntil !== undefined &&
    Date.parse(validUntil) <= Date.parse(validFrom)
  ) {
    errors.push({ path: '/validUntil', message: 'must be later than validFrom' });
  }
  return {
    envelope: {
      '@context': [...CREDENTIAL_CONTEXTS],
      id: input.credentialId ?? newUrn(),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name,
      issuer: profileOf(input.issuerId, input.issuerName, input.issuerUrl),
      validFrom,
      ...(validUntil === undefined ? {} : { validUntil }),
      ...(awardedDate === undefined ? {} : { awardedDate }),
      credentialSchema: credentialSchemaFor(kind),
    },
    errors,
  };
}

/** The learner part of `credentialSubject`. */
export function subjectOf(input: CredentialEnvelopeInput): Record<string, unknown> {
  return {
    ...(input.learnerId === undefined ? {} : { id: input.learnerId }),
    type: ['AchievementSubject'],
    ...(input.learnerName === undefined ? {} : { name: input.learnerName }),
  };
}
