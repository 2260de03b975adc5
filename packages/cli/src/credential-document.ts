/**
 * The credential inside a stored item: the object itself, or the decoded payload of a JWT (`vc` claim or a
 * VC-JOSE payload). Not verified: the CLI uses it to list and select what a wallet or an issuer already holds.
 *
 * @example
 * credentialDocument('eyJ…')?.id; // 'urn:uuid:…'
 */
export function credentialDocument(item: object | string): Record<string, unknown> | undefined {
  if (typeof item !== 'string') return item as Record<string, unknown>;
  const jwt = item.trim().replace(/^data:application\/vc\+jwt,/, '');
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const inner = decoded.vc;
    return inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : decoded;
  } catch {
    return undefined;
  }
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
