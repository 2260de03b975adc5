import { kindForSchemaId, type SchemaKind, validate } from '@skills-passport/schemas';
import { asArray } from './format-check.js';

const OPEN_BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

export interface SchemaFinding {
  kind: SchemaKind;
  path: string;
  message: string;
}

/** Which of our schemas apply to a credential (the declared ones we do not bundle: `unbundledSchemasOf`). */
export function schemaKindsFor(credential: Record<string, unknown>): SchemaKind[] {
  const kinds: SchemaKind[] = [];
  const types = asArray(credential.type);
  const context = asArray(credential['@context']);
  // The official OB 3.0 schema describes the VC 2.0 form; earlier VC 1.1 OB credentials are not held to it.
  if (context[0] === VC_V2 && types.some((type) => OPEN_BADGE_TYPES.includes(String(type)))) {
    kinds.push('open-badge-credential');
  }
  for (const entry of asArray(credential.credentialSchema)) {
    const id = (entry as { id?: unknown })?.id;
    if (typeof id !== 'string') continue;
    const kind = kindForSchemaId(id);
    if (kind !== undefined && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** A `credentialSchema` entry naming a schema we do not bundle. */
export interface DeclaredSchema {
  id: string;
  /** The entry's `type`, e.g. `1EdTechJsonSchemaValidator2019` or `JsonSchema`. */
  type?: string;
}

/** The `credentialSchema` entries whose schema we do not bundle, with their declared types. */
export function unbundledSchemasOf(credential: Record<string, unknown>): DeclaredSchema[] {
  const found: DeclaredSchema[] = [];
  for (const entry of asArray(credential.credentialSchema)) {
    const { id, type } = (entry ?? {}) as { id?: unknown; type?: unknown };
    if (typeof id !== 'string' || kindForSchemaId(id) !== undefined) continue;
    if (found.some((known) => known.id === id)) continue;
    found.push(typeof type === 'string' ? { id, type } : { id });
  }
  return found;
}

/**
 * Validates a credential against every schema that applies. A single `proof` object is checked as a one-element
 * proof set: JSON-LD treats the two alike, and the official OB schema types `proof` as an array. A list of status
 * entries (VC 2.0 allows several, e.g. revocation and suspension) is checked one entry at a time, because the OB
 * schema, written for one entry, types `credentialStatus` as an object; each entry must still match it.
 */
export function schemaErrorsFor(credential: Record<string, unknown>): SchemaFinding[] {
  const documents = documentsToValidate(credential);
  const findings = new Map<string, SchemaFinding>();
  for (const kind of schemaKindsFor(credential)) {
    for (const document of documents) {
      for (const error of validate(kind, document).errors) {
        findings.set(`${kind} ${error.path} ${error.message}`, { kind, ...error });
      }
    }
  }
  return [...findings.values()];
}

/**
 * The documents a credential is validated as: a single `proof` object as a one-element proof set, and one document
 * per status entry when there are several (see `schemaErrorsFor`). Fetched schemas are applied the same way.
 */
export function documentsToValidate(credential: Record<string, unknown>): Record<string, unknown>[] {
  const withProofSet = withEndorsementProofSets(asProofSet(credential));
  const status = credential.credentialStatus;
  return Array.isArray(status) && status.length > 0
    ? status.map((entry) => ({ ...withProofSet, credentialStatus: entry }))
    : [withProofSet];
}

function asProofSet(document: Record<string, unknown>): Record<string, unknown> {
  return document.proof && !Array.isArray(document.proof)
    ? { ...document, proof: [document.proof] }
    : document;
}

/**
 * Embedded OB 3.0 endorsements (on the credential, its achievement, its issuer) are credentials too, usually with a
 * single `proof` object; the OB schema types their `proof` as an array like the credential's own.
 */
function withEndorsementProofSets(credential: Record<string, unknown>): Record<string, unknown> {
  const fix = (holder: unknown): unknown => {
    if (!holder || typeof holder !== 'object' || Array.isArray(holder)) return holder;
    const record = holder as Record<string, unknown>;
    if (!Array.isArray(record.endorsement)) return holder;
    const endorsement = record.endorsement.map((item) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? asProofSet(item as Record<string, unknown>)
        : item,
    );
    return { ...record, endorsement };
  };
  const fixed = fix(credential) as Record<string, unknown>;
  const subject = fixed.credentialSubject;
  const achievement =
    subject && typeof subject === 'object' && !Array.isArray(subject)
      ? (subject as Record<string, unknown>).achievement
      : undefined;
  return {
    ...fixed,
    ...(fixed.issuer && typeof fixed.issuer === 'object' ? { issuer: fix(fixed.issuer) } : {}),
    ...(achievement ? { credentialSubject: { ...(subject as object), achievement: fix(achievement) } } : {}),
  };
}
