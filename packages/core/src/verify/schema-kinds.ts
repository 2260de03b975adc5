import { kindForSchemaId, type SchemaKind, validate } from '@skills-passport/schemas';

const OPEN_BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

export interface SchemaFinding {
  kind: SchemaKind;
  path: string;
  message: string;
}

/** Which of our schemas apply to a credential, and which declared schemas we do not know. */
export function schemaKindsFor(credential: Record<string, unknown>): {
  kinds: SchemaKind[];
  unknown: string[];
} {
  const kinds: SchemaKind[] = [];
  const unknown: string[] = [];
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
    if (kind === undefined) unknown.push(id);
    else if (!kinds.includes(kind)) kinds.push(kind);
  }
  return { kinds, unknown };
}

/**
 * Validates a credential against every schema that applies. A single `proof` object is checked as a one-element
 * proof set: JSON-LD treats the two alike, and the official OB schema types `proof` as an array. A list of status
 * entries (VC 2.0 allows several, e.g. revocation and suspension) is checked one entry at a time, because the OB
 * schema, written for one entry, types `credentialStatus` as an object; each entry must still match it.
 */
export function schemaErrorsFor(credential: Record<string, unknown>): SchemaFinding[] {
  const withProofSet =
    credential.proof && !Array.isArray(credential.proof)
      ? { ...credential, proof: [credential.proof] }
      : credential;
  const status = credential.credentialStatus;
  const documents =
    Array.isArray(status) && status.length > 0
      ? status.map((entry) => ({ ...withProofSet, credentialStatus: entry }))
      : [withProofSet];
  const findings = new Map<string, SchemaFinding>();
  for (const kind of schemaKindsFor(credential).kinds) {
    for (const document of documents) {
      for (const error of validate(kind, document).errors) {
        findings.set(`${kind} ${error.path} ${error.message}`, { kind, ...error });
      }
    }
  }
  return [...findings.values()];
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
