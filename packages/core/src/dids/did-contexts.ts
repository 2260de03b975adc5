/** The JSON-LD contexts a DID document with Multikey verification methods declares (both are bundled). */
export const DID_DOCUMENT_CONTEXTS = [
  'https://www.w3.org/ns/did/v1',
  'https://w3id.org/security/multikey/v1',
];

/** The media types a DID document may be served as, for the `Accept` header of did:web requests. */
export const DID_DOCUMENT_MEDIA_TYPES = 'application/did+json, application/did+ld+json, application/json';
