// Test support: Open Badges 3.0 credentials in each form (VC 1.1 / VC 2.0, Data Integrity / JWT) carrying a
// given status entry, and the status lists of each method, signed independently (see list-signing.ts).
import { issueCredential, type PassportKeyPair } from '../../src/index.js';
import {
  BITSTRING_CONTEXT,
  encodeBits,
  STATUS_LIST_2021_CONTEXT,
  signCredentialDi,
  signDocumentDi,
  signJwt,
  VC_V1,
  VC_V2,
} from './list-signing.js';

export const LIST_HOST = 'https://status.training.example.org';

export interface CredentialForm {
  name: string;
  version: 1 | 2;
  proof: 'di' | 'jwt';
}

export const CREDENTIAL_FORMS: CredentialForm[] = [
  { name: 'VC 1.1 Data Integrity', version: 1, proof: 'di' },
  { name: 'VC 1.1 JWT (vc claim)', version: 1, proof: 'jwt' },
  { name: 'VC 2.0 Data Integrity', version: 2, proof: 'di' },
  { name: 'VC 2.0 JWT (VC-JOSE)', version: 2, proof: 'jwt' },
];

const OB_CONTEXT_FOR_VC1 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json';
const OB_CONTEXT_FOR_VC2 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const REVOCATION_LIST_2020 = 'https://w3id.org/vc-revocation-list-2020#';

/** The contexts a credential needs for its status entry's terms in each VC version. */
function statusContexts(entry: Record<string, unknown>, version: 1 | 2): Array<string | object> {
  if (entry.type === 'StatusList2021Entry') return [STATUS_LIST_2021_CONTEXT];
  if (entry.type === 'BitstringStatusListEntry' && version === 1) return [BITSTRING_CONTEXT];
  // The OB 3.0 contexts leave the 1EdTech status, schema and refresh types to the extensions context.
  if (entry.type === '1EdTechRevocationList') return [OB_EXTENSIONS_CONTEXT];
  if (entry.type === 'RevocationList2020Status') {
    // A method we do not check, its (unbundled) context written inline so the credential still signs.
    return [
      {
        RevocationList2020Status: {
          '@id': `${REVOCATION_LIST_2020}RevocationList2020Status`,
          '@context': {
            revocationListIndex: `${REVOCATION_LIST_2020}revocationListIndex`,
            revocationListCredential: {
              '@id': `${REVOCATION_LIST_2020}revocationListCredential`,
              '@type': '@id',
            },
          },
        },
      },
    ];
  }
  return [];
}

/**
 * An OB 3.0 credential from `issuer` carrying `credentialStatus`, signed in `form`. VC 1.1 JWTs use the OB 3.0
 * VC-JWT form (the credential in a `vc` claim), signed with jose directly.
 */
export async function badgeWithStatus(
  form: CredentialForm,
  issuer: PassportKeyPair,
  credentialStatus: Record<string, unknown> | Array<Record<string, unknown>>,
  options: { id?: string | null } = {},
): Promise<object | string> {
  const entries = Array.isArray(credentialStatus) ? credentialStatus : [credentialStatus];
  const extra = [...new Set(entries.flatMap((entry) => statusContexts(entry, form.version)))];
  // `extra` after the OB context: its terms are protected, so these may only add to them.
  const id = options.id === undefined ? `urn:uuid:${crypto.randomUUID()}` : options.id;
  const credential: Record<string, unknown> = {
    '@context': [
      form.version === 1 ? VC_V1 : VC_V2,
      form.version === 1 ? OB_CONTEXT_FOR_VC1 : OB_CONTEXT_FOR_VC2,
      ...extra,
    ],
    ...(id === null ? {} : { id }),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Network security fundamentals',
    issuer: { id: issuer.controller, type: ['Profile'], name: 'Example Training College' },
    [form.version === 1 ? 'issuanceDate' : 'validFrom']: '2026-01-10T09:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-7',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://training.example.org/achievements/network-security',
        type: ['Achievement'],
        name: 'Network security fundamentals',
        description: 'Firewalls, segmentation and secure remote access.',
        criteria: { narrative: 'Passed the practical assessment.' },
      },
    },
    credentialStatus,
  };
  if (form.proof === 'di') {
    return issueCredential(credential, { issuerKey: issuer, format: 'di', validateSchema: false });
  }
  if (form.version === 2) {
    return issueCredential(credential, { issuerKey: issuer, format: 'jwt', validateSchema: false });
  }
  return signJwt(
    {
      vc: credential,
      iss: issuer.controller,
      ...(typeof id === 'string' ? { jti: id } : {}),
      sub: 'did:example:learner-7',
      nbf: Math.floor(Date.parse('2026-01-10T09:00:00Z') / 1000),
    },
    issuer,
  );
}

/** How a list is published, per status method. */
export interface ListForm {
  name: string;
  /** Builds the body served at `url` (a JSON object or a compact JWT). */
  make(url: string, signer: PassportKeyPair, content: ListContent): Promise<unknown>;
}

/** What a list says: the set bits (bit lists) or the revoked credential ids with their reasons (1EdTech). */
export interface ListContent {
  bits?: number[];
  revoked?: Array<{ id: string; revocationReason?: string }>;
  /** Overrides the list's issuer (a list claiming someone else issued it). */
  issuer?: string;
}

const VALID_FROM = '2026-01-01T00:00:00Z';

function bitstringCredential(url: string, issuer: string, bits: number[]) {
  return {
    '@context': [VC_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: VALID_FROM,
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeBits(bits, { multibase: true }),
    },
  };
}

function statusList2021Credential(url: string, issuer: string, bits: number[], version: 1 | 2) {
  return {
    '@context': [version === 1 ? VC_V1 : VC_V2, STATUS_LIST_2021_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'StatusList2021Credential'],
    issuer,
    [version === 1 ? 'issuanceDate' : 'validFrom']: VALID_FROM,
    credentialSubject: {
      id: `${url}#list`,
      type: 'StatusList2021',
      statusPurpose: 'revocation',
      encodedList: encodeBits(bits, { multibase: false }),
    },
  };
}

function revocationList(url: string, issuer: string, revoked: ListContent['revoked'] = []) {
  return { id: url, issuer, revokedCredentials: revoked };
}

const VCRL = 'https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#';

/**
 * JSON-LD terms for a signed revocation list. The 1EdTech vcrl context is not bundled (so a list using it is
 * refused as context-unknown); a list may define its terms inline instead, as this one does.
 */
const REVOCATION_LIST_TERMS = {
  issuer: { '@id': 'https://www.w3.org/2018/credentials#issuer', '@type': '@id' },
  revokedCredentials: { '@id': `${VCRL}revokedCredentials`, '@container': '@set' },
  revocationReason: `${VCRL}revocationReason`,
};

/** VC-JOSE (`vc+jwt`): the credential is the payload. */
function vcJose(credential: Record<string, unknown>, signer: PassportKeyPair) {
  return signJwt({ ...credential, iss: credential.issuer }, signer, 'vc+jwt');
}

/** The VC 1.1 VC-JWT form: the credential in a `vc` claim beside iss, jti and nbf. */
function vcClaim(credential: Record<string, unknown>, signer: PassportKeyPair) {
  return signJwt(
    {
      vc: credential,
      iss: credential.issuer,
      jti: credential.id,
      nbf: Math.floor(Date.parse(VALID_FROM) / 1000),
    },
    signer,
  );
}

export const BITSTRING_LIST_FORMS: ListForm[] = [
  {
    name: 'VC 2.0 Data Integrity',
    make: (url, signer, content) =>
      signCredentialDi(
        bitstringCredential(url, content.issuer ?? signer.controller, content.bits ?? []),
        signer,
      ),
  },
  {
    name: 'VC 2.0 JWT',
    make: (url, signer, content) =>
      vcJose(bitstringCredential(url, content.issuer ?? signer.controller, content.bits ?? []), signer),
  },
];

export const STATUS_LIST_2021_FORMS: ListForm[] = [
  {
    name: 'VC 1.1 Data Integrity',
    make: (url, signer, content) =>
      signCredentialDi(
        statusList2021Credential(url, content.issuer ?? signer.controller, content.bits ?? [], 1),
        signer,
      ),
  },
  {
    name: 'VC 1.1 JWT (vc claim)',
    make: (url, signer, content) =>
      vcClaim(
        statusList2021Credential(url, content.issuer ?? signer.controller, content.bits ?? [], 1),
        signer,
      ),
  },
  {
    name: 'VC 2.0 JWT',
    make: (url, signer, content) =>
      vcJose(
        statusList2021Credential(url, content.issuer ?? signer.controller, content.bits ?? [], 2),
        signer,
      ),
  },
];

export const REVOCATION_LIST_FORMS: ListForm[] = [
  {
    name: 'plain JSON',
    make: async (url, signer, content) =>
      revocationList(url, content.issuer ?? signer.controller, content.revoked),
  },
  {
    name: 'JSON with a Data Integrity proof',
    make: (url, signer, content) =>
      signDocumentDi(
        {
          '@context': [VC_V2, REVOCATION_LIST_TERMS],
          ...revocationList(url, content.issuer ?? signer.controller, content.revoked),
        },
        signer,
      ),
  },
  {
    name: 'JWT',
    make: (url, signer, content) =>
      signJwt(
        {
          ...revocationList(url, content.issuer ?? signer.controller, content.revoked),
          iss: signer.controller,
        },
        signer,
      ),
  },
];
