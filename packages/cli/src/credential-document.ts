import { readCredential } from '@skills-passport/core';

/**
 * The credential inside a stored item: the object itself, or what a JWT carries (its `vc` claim with the registered
 * claims read into it, or a VC-JOSE payload). Not verified: the CLI uses it to list and select what a wallet or an
 * issuer already holds.
 *
 * @example
 * credentialDocument('eyJ…')?.id; // 'urn:uuid:…'
 */
export function credentialDocument(item: object | string): Record<string, unknown> | undefined {
  return readCredential(
    typeof item === 'string' ? item.trim().replace(/^data:application\/vc\+jwt,/, '') : item,
  );
}

/**
 * The first `credentialSubject.id`, the DID a credential was issued to.
 *
 * @example
 * subjectIdOf({ credentialSubject: { id: 'did:key:z6Mk…' } }); // 'did:key:z6Mk…'
 */
export function subjectIdOf(credential: Record<string, unknown>): string | undefined {
  const subject = credential.credentialSubject;
  const first = Array.isArray(subject) ? subject[0] : subject;
  const id = (first as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
