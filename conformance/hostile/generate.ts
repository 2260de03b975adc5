// Writes the hostile-input corpus: conformance/hostile/cases/<class>/<name>.(json|jwt|txt), the files the network
// scenarios serve (served/), and the table cases.json. Fixed seeds and dates: every run writes the same bytes.
//   node --import tsx conformance/hostile/generate.ts
import { createHmac, createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {
  Codes,
  createDocumentLoader,
  createStatusListCredential,
  createStatusListEntry,
  exportJwk,
  issueCredential,
  type PassportKeyPair,
  signStatusListCredential,
} from '../../packages/core/src/index.js';
import { signingSuite } from '../../packages/core/src/issue/cryptosuites.js';
import { toLibraryKeyPair } from '../../packages/core/src/keys/multikey-library.js';
import { corpusKeys, keyAtDid, WEB_ISSUER_DID, webIssuerDocument } from './keys.js';
import { type CaseTable, CORPUS_NOW, type HostileCase, type Route, type Scenario } from './table.js';

// biome-ignore lint/suspicious/noExplicitAny: hostile documents of any shape are edited freely here.
type Json = Record<string, any>;

const ROOT = dirname(fileURLToPath(import.meta.url));
const ISSUED = new Date('2026-01-10T09:00:00Z');
const issuedAt = () => ISSUED;
const OB_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
const PUBLIC_IP = '93.184.216.34';
const loader = createDocumentLoader();

const keys = await corpusKeys();
const { issuer, other, learner, webIssuer } = keys;

rmSync(join(ROOT, 'cases'), { recursive: true, force: true });
rmSync(join(ROOT, 'served'), { recursive: true, force: true });

const cases: HostileCase[] = [];
const scenarios: Record<string, Scenario> = {
  offline: { description: 'No network at all: nothing may be fetched.', dns: {}, routes: {} },
};

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

function badge(issuerId: string, n: number, overrides: Json = {}): Json {
  return {
    '@context': OB_CONTEXT,
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Cyber security essentials',
    issuer: { id: issuerId, type: ['Profile'], name: 'Example Training College' },
    validFrom: '2026-01-10T09:00:00Z',
    credentialSubject: {
      id: learner.controller,
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://training.example.org/achievements/cyber-essentials',
        type: ['Achievement'],
        name: 'Cyber security essentials',
        description: 'A short module on protecting small organisations from common attacks.',
        criteria: { narrative: 'Passed the end-of-module assessment.' },
        achievementType: 'Course',
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Information security',
            targetUrl: 'https://sfia-online.org/en/sfia-9/skills/information-security',
            targetCode: 'SCTY',
            targetFramework: 'SFIA',
          },
        ],
      },
    },
    ...overrides,
  };
}

async function signDi(unsigned: Json, key: PassportKeyPair): Promise<Json> {
  return (await issueCredential(unsigned, { issuerKey: key, now: issuedAt })) as Json;
}

async function signJwt(unsigned: Json, key: PassportKeyPair): Promise<string> {
  return issueCredential(unsigned, { issuerKey: key, format: 'jwt', now: issuedAt });
}

/** Signs with the @digitalbazaar libraries directly, bypassing our issuer's checks (issuer = key controller). */
async function signRaw(unsigned: Json, key: PassportKeyPair, purpose?: unknown): Promise<Json> {
  const libraryKey = await toLibraryKeyPair(key);
  const suite = signingSuite('Ed25519', libraryKey.signer(), { date: ISSUED });
  const signed = await vc.issue({
    credential: structuredClone(unsigned),
    suite,
    documentLoader: loader,
    ...(purpose ? { purpose } : {}),
  } as Parameters<typeof vc.issue>[0]);
  return signed as Json;
}

/** A jsonld-signatures proof purpose other than assertionMethod, correctly signed. */
function purposeOf(term: string) {
  return {
    term,
    async update(proof: Json) {
      proof.proofPurpose = term;
      return proof;
    },
    async match(proof: Json) {
      return proof.proofPurpose === term;
    },
    async validate() {
      return { valid: true };
    },
  };
}

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');

function jwtParts(jwt: string): { header: Json; payload: Json; signature: string } {
  const [header, payload, signature] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')),
    signature: signature!,
  };
}

/** Signs the exact header and payload texts with EdDSA (texts, not objects: duplicate keys survive). */
async function edJwt(headerText: string, payloadText: string, key: PassportKeyPair): Promise<string> {
  const input = `${b64(headerText)}.${b64(payloadText)}`;
  const privateKey = createPrivateKey({ key: await exportJwk(key, { includeSecret: true }), format: 'jwk' });
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

function hmacJwt(header: Json, payload: Json, secret: Buffer | string, hash = 'sha256'): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

/** Changes the unused low bits of a base64url segment's last character: same bytes, different text. */
function nonCanonical(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = segment.at(-1)!;
  const spare = segment.length % 4 === 2 ? 4 : segment.length % 4 === 3 ? 2 : 0;
  if (spare === 0) throw new Error('segment has no spare bits');
  const index = alphabet.indexOf(last);
  return segment.slice(0, -1) + alphabet[index | 1]!;
}

interface AddOptions {
  description: string;
  expect: [HostileCase['expect']['check'], HostileCase['expect']['code'], HostileCase['expect']['outcome']?];
  scenario?: string;
  fetches?: string[];
  verified?: boolean;
  fetchTimeoutMs?: number;
  challenge?: string;
  domain?: string;
  as?: HostileCase['as'];
  now?: string;
  challenges?: { issued: string[]; used: string[] };
}

function caseRow(id: string, options: AddOptions, as: HostileCase['as']): HostileCase {
  const [check, code, outcome = 'fail'] = options.expect;
  const row: HostileCase = {
    id,
    class: id.split('/')[0] as HostileCase['class'],
    description: options.description,
    as,
    expect: { check, code, outcome },
    verified: options.verified ?? false,
    options: { now: options.now ?? CORPUS_NOW, scenario: options.scenario ?? 'offline' },
    fetches: options.fetches ?? [],
  };
  if (options.fetchTimeoutMs) row.options.fetchTimeoutMs = options.fetchTimeoutMs;
  if (options.challenge) row.options.challenge = options.challenge;
  if (options.domain) row.options.domain = options.domain;
  if (options.challenges) row.options.challenges = options.challenges;
  return row;
}

/** Writes one case file: an object as pretty JSON, a string as text, bytes verbatim. */
function add(id: string, content: Json | string | Uint8Array, options: AddOptions): void {
  const extension =
    content instanceof Uint8Array
      ? 'txt'
      : typeof content !== 'string'
        ? 'json'
        : content.startsWith('eyJ')
          ? 'jwt'
          : /^\s*[[{"]/.test(content)
            ? 'json'
            : 'txt';
  const file = `cases/${id}.${extension}`;
  mkdirSync(dirname(join(ROOT, file)), { recursive: true });
  const data =
    content instanceof Uint8Array || typeof content === 'string'
      ? content
      : `${JSON.stringify(content, null, 2)}\n`;
  writeFileSync(join(ROOT, file), data);
  const as =
    options.as ?? (content instanceof Uint8Array ? 'bytes' : typeof content === 'string' ? 'text' : 'object');
  cases.push({ ...caseRow(id, options, as), file });
}

/** A case built at test time (recipes.ts) because its file would be huge. */
function addGenerated(
  id: string,
  generate: HostileCase['generate'],
  options: AddOptions,
  as: HostileCase['as'],
) {
  cases.push({ ...caseRow(id, options, as), generate });
}

/** A served file (DID document, status list) under served/. */
function serve(name: string, content: Json | string): Route {
  const file = `served/${name}`;
  mkdirSync(dirname(join(ROOT, file)), { recursive: true });
  writeFileSync(
    join(ROOT, file),
    typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
  );
  return { file };
}

const clone = <T>(value: T): T => structuredClone(value);

// ---------------------------------------------------------------------------------------------------------------
// Controls: prove the harness can say "verified" (a corpus that fails everything proves nothing).

const signedA = await signDi(badge(issuer.controller, 1), issuer);
const signedB = await signDi(
  badge(issuer.controller, 2, { name: 'Advanced networking', validUntil: '2027-01-10T09:00:00Z' }),
  issuer,
);
const jwtA = await signJwt(badge(issuer.controller, 3), issuer);
const jwtB = await signJwt(badge(issuer.controller, 4, { name: 'Advanced networking' }), issuer);

add('control/di-valid', signedA, {
  description: 'An untouched Data Integrity credential from a did:key issuer verifies.',
  expect: ['proof', Codes.proofOk, 'pass'],
  verified: true,
});
add('control/jwt-valid', jwtA, {
  description: 'An untouched VC-JOSE credential from a did:key issuer verifies.',
  expect: ['proof', Codes.proofOk, 'pass'],
  verified: true,
});

// ---------------------------------------------------------------------------------------------------------------
// Signature tampering (Data Integrity)

const diTampers: Array<[string, string, (c: Json) => void]> = [
  ['subject-id', 'the learner DID', (c) => (c.credentialSubject.id = other.controller)],
  ['achievement-name', 'the achievement name', (c) => (c.credentialSubject.achievement.name = 'CISSP')],
  [
    'achievement-type',
    'the achievement type',
    (c) => (c.credentialSubject.achievement.achievementType = 'Degree'),
  ],
  ['skill-code', 'a skill code', (c) => (c.credentialSubject.achievement.alignment[0].targetCode = 'PENT')],
  ['issuer-name', 'the issuer name', (c) => (c.issuer.name = 'Prestigious University')],
  ['valid-from', 'the start date', (c) => (c.validFrom = '2025-01-01T00:00:00Z')],
  ['valid-until-added', 'an added expiry date', (c) => (c.validUntil = '2099-01-01T00:00:00Z')],
  ['credential-id', 'the credential id', (c) => (c.id = 'urn:uuid:00000000-0000-4000-8000-999999999999')],
  ['type-added', 'an added type', (c) => c.type.push('EndorsementCredential')],
  ['type-removed', 'the OpenBadgeCredential type removed', (c) => (c.type = ['VerifiableCredential'])],
];
{
  const extraContext = clone(signedA);
  extraContext['@context'].push('https://w3id.org/security/data-integrity/v2');
  add('signature/di-context-extra-no-effect', extraContext, {
    description:
      'An extra bundled context that defines nothing the credential uses: the signed statements (RDF) are unchanged, so the proof still verifies. By design: the signature covers the statements, not the JSON spelling.',
    expect: ['proof', Codes.proofOk, 'pass'],
    verified: true,
  });
  const v1 = clone(signedA);
  v1['@context'][0] = 'https://www.w3.org/2018/credentials/v1';
  add('signature/di-context-vc-v1-no-effect', v1, {
    description:
      'The VC 2.0 context swapped for VC 1.1 after signing. Both map these terms to the same IRIs, so the signed statements are unchanged and the proof verifies (the report then calls it a VC 1.1 credential).',
    expect: ['proof', Codes.proofOk, 'pass'],
    verified: true,
  });
  const obVersion = clone(signedA);
  obVersion['@context'][1] = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json';
  add('signature/di-context-ob-version', obVersion, {
    description: 'The Open Badges context swapped for another bundled version after signing.',
    expect: ['proof', Codes.proofInvalid],
  });
  const added = clone(signedA);
  added.credentialSubject.grade = 'A+';
  add('signature/di-subject-added-property', added, {
    description:
      'A subject property the contexts do not define, added after signing: refused in JSON-LD safe mode.',
    expect: ['proof', Codes.contextInvalid],
  });
  const tag = clone(signedA);
  tag.credentialSubject.achievement.tag = ['distinction'];
  add('signature/di-achievement-tag-added', tag, {
    description: 'A defined property (achievement tag) added after signing.',
    expect: ['proof', Codes.proofInvalid],
  });
}
for (const [name, what, change] of diTampers) {
  const tampered = clone(signedA);
  change(tampered);
  add(`signature/di-${name}`, tampered, {
    description: `Data Integrity credential with ${what} changed after signing.`,
    expect: ['proof', Codes.proofInvalid],
  });
}
{
  const tampered = clone(signedB);
  delete tampered.validUntil;
  add('signature/di-valid-until-removed', tampered, {
    description: 'Data Integrity credential whose expiry date was removed after signing.',
    expect: ['proof', Codes.proofInvalid],
  });
  const issuerSwapped = clone(signedA);
  issuerSwapped.issuer.id = other.controller;
  add('signature/di-issuer-id', issuerSwapped, {
    description:
      "The issuer id replaced by another DID; the proof's key still belongs to the original issuer.",
    expect: ['proof', Codes.proofInvalid],
  });
  const copied = clone(signedA);
  copied.proof = clone(signedB.proof);
  add('signature/di-proof-copied', copied, {
    description: 'A valid proof copied from another credential by the same issuer.',
    expect: ['proof', Codes.proofInvalid],
  });
}
{
  const foreign = await signRaw(badge(issuer.controller, 5), other);
  add('signature/di-foreign-controller', foreign, {
    description:
      "Correctly signed, but by a key controlled by someone else than the credential's issuer (a did:key).",
    expect: ['proof', Codes.issuerMismatch],
  });
  const foreignWeb = await signRaw(badge(WEB_ISSUER_DID, 6), other);
  add('signature/di-foreign-controller-web-issuer', foreignWeb, {
    description: 'Claims did:web:issuer.example as issuer but is signed by an unrelated did:key.',
    expect: ['proof', Codes.issuerMismatch],
    scenario: 'web-issuer',
  });
  const authentication = await signRaw(badge(issuer.controller, 7), issuer, purposeOf('authentication'));
  add('signature/di-purpose-authentication', authentication, {
    description:
      'Signed by the issuer, but with proofPurpose "authentication" (a login proof, not an assertion).',
    expect: ['proof', Codes.proofPurposeInvalid],
  });
  const invocation = await signRaw(badge(issuer.controller, 8), issuer, purposeOf('capabilityInvocation'));
  add('signature/di-purpose-capability-invocation', invocation, {
    description: 'Signed by the issuer with proofPurpose "capabilityInvocation".',
    expect: ['proof', Codes.proofPurposeInvalid],
  });
  const edited = clone(signedA);
  edited.proof[0].proofPurpose = 'authentication';
  add('signature/di-purpose-edited', edited, {
    description: 'proofPurpose changed to "authentication" after signing.',
    expect: ['proof', Codes.proofPurposeInvalid],
  });

  const oneBad = clone(signedA);
  const badProof = clone(signedA.proof[0]);
  badProof.proofValue = clone(signedB.proof[0].proofValue);
  oneBad.proof = [clone(signedA.proof[0]), badProof];
  add('signature/di-proof-set-one-bad', oneBad, {
    description: 'A proof set: one good proof by the issuer and one whose signature does not match.',
    expect: ['proof', Codes.proofInvalid],
  });
  const withForeign = clone(signedA);
  const foreignProof = (await signRaw(badge(issuer.controller, 1), other)).proof;
  withForeign.proof = [
    clone(signedA.proof[0]),
    ...(Array.isArray(foreignProof) ? foreignProof : [foreignProof]),
  ];
  add('signature/di-proof-set-one-foreign', withForeign, {
    description: "A proof set: the issuer's good proof plus a valid proof by a key that is not the issuer's.",
    expect: ['proof', Codes.issuerMismatch],
  });
  const withAuth = clone(signedA);
  const authProof = (await signRaw(badge(issuer.controller, 1), issuer, purposeOf('authentication'))).proof;
  withAuth.proof = [clone(signedA.proof[0]), ...(Array.isArray(authProof) ? authProof : [authProof])];
  add('signature/di-proof-set-one-authentication', withAuth, {
    description: "A proof set: the issuer's good proof plus the issuer's proof for authentication.",
    expect: ['proof', Codes.proofPurposeInvalid],
  });
}
{
  const noProof = clone(signedA);
  delete noProof.proof;
  add('signature/di-proof-removed', noProof, {
    description: 'The proof removed: an unsigned credential.',
    expect: ['proof', Codes.proofMissing],
  });
  const emptySet = clone(signedA);
  emptySet.proof = [];
  add('signature/di-proof-empty-set', emptySet, {
    description: 'An empty proof set.',
    expect: ['proof', Codes.proofMissing],
  });
  const truncated = clone(signedA);
  truncated.proof[0].proofValue = truncated.proof[0].proofValue.slice(0, 40);
  add('signature/di-proof-value-truncated', truncated, {
    description: 'The proofValue cut short.',
    expect: ['proof', Codes.proofInvalid],
  });
  const created = clone(signedA);
  created.proof[0].created = '2026-01-11T09:00:00Z';
  add('signature/di-proof-created-changed', created, {
    description: "The proof's created date changed after signing (it is covered by the signature).",
    expect: ['proof', Codes.proofInvalid],
  });
  const suite = clone(signedA);
  suite.proof[0].cryptosuite = 'eddsa-jcs-2022';
  add('signature/di-proof-cryptosuite-unsupported', suite, {
    description: 'A cryptosuite the verifier does not implement.',
    expect: ['proof', Codes.proofUnsupported],
  });
  const otherKey = clone(signedA);
  otherKey.proof[0].verificationMethod = other.id;
  add('signature/di-proof-method-swapped', otherKey, {
    description: "verificationMethod pointed at another DID's key after signing.",
    expect: ['proof', Codes.proofInvalid],
  });
  const remoteKey = clone(signedA);
  remoteKey.proof[0].verificationMethod = 'https://attacker.example/keys/1';
  add('signature/di-proof-method-remote-url', remoteKey, {
    description: 'verificationMethod is an https URL on another host: it must not be fetched.',
    expect: ['proof', Codes.contextUnknown],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Signature tampering (JWT)

const jwtTampers: Array<[string, string, (c: Json) => void]> = [
  ['subject-id', 'the learner DID', (c) => (c.credentialSubject.id = other.controller)],
  ['achievement-name', 'the achievement name', (c) => (c.credentialSubject.achievement.name = 'CISSP')],
  ['issuer-name', 'the issuer name', (c) => (c.issuer.name = 'Prestigious University')],
  ['valid-from', 'the start date', (c) => (c.validFrom = '2025-01-01T00:00:00Z')],
  ['type-added', 'an added type', (c) => c.type.push('EndorsementCredential')],
  [
    'context-extra',
    'an extra context',
    (c) => c['@context'].push('https://w3id.org/security/data-integrity/v2'),
  ],
];
{
  const { header, payload } = jwtParts(jwtA);
  const [h, , s] = jwtA.split('.');
  for (const [name, what, change] of jwtTampers) {
    const changed = clone(payload);
    change(changed);
    add(`signature/jwt-${name}`, `${h}.${b64(JSON.stringify(changed))}.${s}`, {
      description: `JWT credential with ${what} changed after signing.`,
      expect: ['proof', Codes.proofInvalid],
    });
  }
  const [, pB, sB] = jwtB.split('.');
  add('signature/jwt-signature-copied', `${h}.${jwtA.split('.')[1]}.${sB}`, {
    description: "Another credential's valid signature pasted onto this one.",
    expect: ['proof', Codes.proofInvalid],
  });
  add('signature/jwt-payload-copied', `${h}.${pB}.${s}`, {
    description: "Another credential's payload under this credential's signature.",
    expect: ['proof', Codes.proofInvalid],
  });
  add('signature/jwt-signed-by-other', await edJwt(JSON.stringify(header), JSON.stringify(payload), other), {
    description: "Signed by another key while the header's kid names the issuer's key.",
    expect: ['proof', Codes.proofInvalid],
  });
  add('signature/jwt-signature-empty', `${h}.${jwtA.split('.')[1]}.`, {
    description: 'The signature part left empty.',
    expect: ['proof', Codes.proofInvalid],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// JWT header and claim attacks

{
  const { header, payload } = jwtParts(jwtA);
  const publicJwk = await exportJwk(issuer);
  const unsigned = (h: Json, p: Json = payload) => `${b64(JSON.stringify(h))}.${b64(JSON.stringify(p))}.`;
  add('jwt/alg-none', unsigned({ ...header, alg: 'none' }), {
    description: 'alg "none" with no signature.',
    expect: ['proof', Codes.jwtAlgNotAllowed],
  });
  add('jwt/alg-none-mixed-case', unsigned({ ...header, alg: 'nOnE' }), {
    description: 'alg "nOnE": case games around none.',
    expect: ['proof', Codes.jwtAlgNotAllowed],
  });
  add('jwt/alg-missing', unsigned({ typ: 'vc+jwt', kid: issuer.id }), {
    description: 'No alg header at all.',
    expect: ['proof', Codes.jwtAlgNotAllowed],
  });
  add(
    'jwt/hs256-public-key-bytes',
    hmacJwt({ ...header, alg: 'HS256' }, payload, Buffer.from(publicJwk.x as string, 'base64url')),
    {
      description: "HS256 keyed with the issuer's raw public key bytes (the classic key-confusion attack).",
      expect: ['proof', Codes.jwtAlgNotAllowed],
    },
  );
  add('jwt/hs256-public-jwk-text', hmacJwt({ ...header, alg: 'HS256' }, payload, JSON.stringify(publicJwk)), {
    description: "HS256 keyed with the issuer's public JWK as text.",
    expect: ['proof', Codes.jwtAlgNotAllowed],
  });
  add(
    'jwt/hs512-multibase',
    hmacJwt({ ...header, alg: 'HS512' }, payload, issuer.publicKeyMultibase, 'sha512'),
    {
      description: "HS512 keyed with the issuer's publicKeyMultibase string.",
      expect: ['proof', Codes.jwtAlgNotAllowed],
    },
  );
  const attackerJwk = await exportJwk(other);
  add(
    'jwt/embedded-jwk-with-kid',
    await edJwt(JSON.stringify({ ...header, jwk: attackerJwk }), JSON.stringify(payload), other),
    {
      description: "Signed by the attacker, who embeds their own key as jwk next to the issuer's kid.",
      expect: ['proof', Codes.jwtHeaderNotAllowed],
    },
  );
  const { kid: _kid, ...withoutKid } = header;
  add(
    'jwt/embedded-jwk-without-kid',
    await edJwt(JSON.stringify({ ...withoutKid, jwk: attackerJwk }), JSON.stringify(payload), other),
    {
      description: 'No kid; the attacker embeds their own key as jwk and hopes the verifier uses it.',
      expect: ['proof', Codes.jwtHeaderNotAllowed],
    },
  );
  for (const [name, value] of [
    ['jku', 'https://attacker.example/jwks.json'],
    ['x5u', 'https://attacker.example/cert.pem'],
    ['x5c', ['MIIBfake']],
  ] as const) {
    add(
      `jwt/header-${name}`,
      await edJwt(JSON.stringify({ ...header, [name]: value }), JSON.stringify(payload), other),
      {
        description: `A "${name}" header pointing at the attacker's key material (must not be fetched or used).`,
        expect: ['proof', Codes.jwtHeaderNotAllowed],
      },
    );
  }
  add(
    'jwt/kid-other-did',
    await edJwt(JSON.stringify({ ...header, kid: other.id }), JSON.stringify(payload), other),
    {
      description:
        "Valid signature by the attacker's did:key, kid names it; the credential claims the issuer.",
      expect: ['proof', Codes.issuerMismatch],
    },
  );
  add(
    'jwt/kid-other-did-web',
    await edJwt(
      JSON.stringify({ ...header, kid: 'did:web:attacker.example#key-1' }),
      JSON.stringify(payload),
      other,
    ),
    {
      description: "kid at an attacker's did:web: refused before anything is fetched.",
      expect: ['proof', Codes.issuerMismatch],
    },
  );
  add(
    'jwt/kid-unknown-fragment',
    await edJwt(JSON.stringify({ ...header, kid: '#key-9' }), JSON.stringify(payload), issuer),
    {
      description: "A relative kid naming a key the issuer's DID does not have.",
      expect: ['proof', Codes.keyNotFound],
    },
  );
  add(
    'jwt/crit-unknown',
    await edJwt(
      JSON.stringify({ ...header, crit: ['x-evil'], 'x-evil': true }),
      JSON.stringify(payload),
      issuer,
    ),
    {
      description: 'A crit header naming an extension the verifier does not understand (must be refused).',
      expect: ['proof', Codes.jwtHeaderNotAllowed],
    },
  );
  add(
    'jwt/crit-b64-false',
    await edJwt(JSON.stringify({ ...header, b64: false, crit: ['b64'] }), JSON.stringify(payload), issuer),
    {
      description: 'Unencoded-payload option (RFC 7797) marked critical.',
      expect: ['proof', Codes.jwtHeaderNotAllowed],
    },
  );
  add(
    'jwt/crit-empty',
    await edJwt(JSON.stringify({ ...header, crit: [] }), JSON.stringify(payload), issuer),
    {
      description: 'An empty crit list (forbidden by RFC 7515).',
      expect: ['proof', Codes.jwtHeaderNotAllowed],
    },
  );
  add(
    'jwt/alg-es256-with-ed25519-key',
    await edJwt(JSON.stringify({ ...header, alg: 'ES256' }), JSON.stringify(payload), issuer),
    {
      description: "alg ES256 while the issuer's key is Ed25519 (algorithm confusion).",
      expect: ['proof', Codes.jwtHeaderNotAllowed],
    },
  );

  const conflicts: Array<[string, string, Json]> = [
    ['iss-vs-issuer', 'iss names another DID than the credential issuer', { iss: other.controller }],
    ['nbf-vs-valid-from', 'nbf a year earlier than validFrom', { nbf: payload.nbf - 365 * 86400 }],
    [
      'exp-vs-valid-until',
      'exp far later than validUntil',
      { exp: Math.floor(Date.parse('2099-01-01') / 1000) },
    ],
    [
      'jti-vs-id',
      'jti differs from the credential id',
      { jti: 'urn:uuid:00000000-0000-4000-8000-999999999999' },
    ],
    ['sub-vs-subject', 'sub names another learner than credentialSubject.id', { sub: other.controller }],
  ];
  for (const [name, what, claims] of conflicts) {
    const body = { ...payload, ...claims };
    if (name === 'exp-vs-valid-until') body.validUntil = '2027-01-10T09:00:00Z';
    add(`jwt/${name}`, await edJwt(JSON.stringify(header), JSON.stringify(body), issuer), {
      description: `Signed by the issuer, but ${what}.`,
      expect: ['proof', Codes.jwtClaimsMismatch],
    });
  }
  const vcClaim = {
    iss: other.controller,
    nbf: payload.nbf,
    jti: payload.id,
    sub: learner.controller,
    vc: clone(payload),
  };
  add('jwt/vc-claim-iss-vs-issuer', await edJwt(JSON.stringify(header), JSON.stringify(vcClaim), issuer), {
    description: 'OB 3.0 "vc" claim form whose iss disagrees with vc.issuer.',
    expect: ['proof', Codes.jwtClaimsMismatch],
  });
  const { validFrom: _from, ...undated } = clone(payload);
  const expiredByClaim = { nbf: payload.nbf, exp: Math.floor(Date.parse('2026-02-01') / 1000), vc: undated };
  add(
    'jwt/vc-claim-exp-passed',
    await edJwt(JSON.stringify(header), JSON.stringify(expiredByClaim), issuer),
    {
      description: 'OB 3.0 "vc" claim form with no dates inside; the exp claim has passed.',
      expect: ['validity', Codes.expired],
    },
  );

  const payloadText = JSON.stringify(payload);
  const headerText = JSON.stringify(header);
  add(
    'jwt/duplicate-key-issuer',
    await edJwt(headerText, payloadText.replace('{', `{"issuer":"${other.controller}",`), issuer),
    {
      description:
        'Signed payload with "issuer" twice: parsers that keep the first see the attacker, ours the last.',
      expect: ['format', Codes.jwtMalformed],
    },
  );
  add(
    'jwt/duplicate-key-subject-id',
    await edJwt(
      headerText,
      payloadText.replace('"credentialSubject":{', `"credentialSubject":{"id":"${other.controller}",`),
      issuer,
    ),
    {
      description: 'credentialSubject.id twice in a signed payload.',
      expect: ['format', Codes.jwtMalformed],
    },
  );
  add('jwt/duplicate-key-alg', await edJwt(headerText.replace('{', '{"alg":"none",'), payloadText, issuer), {
    description: 'Header with alg twice ("none" then "EdDSA").',
    expect: ['format', Codes.jwtMalformed],
  });
  const [h, p, s] = jwtA.split('.') as [string, string, string];
  if (p.length % 4 !== 0) {
    add('jwt/payload-padded', `${h}.${p}${'='.repeat(4 - (p.length % 4))}.${s}`, {
      description: 'base64url payload with "=" padding (not allowed in JWS compact form).',
      expect: ['format', Codes.jwtMalformed],
      as: 'text',
    });
  }
  const spare = (segment: string) => segment.length % 4 === 2 || segment.length % 4 === 3;
  const paddedPayload = spare(p) ? p : b64(`${payloadText} `);
  add('jwt/payload-non-canonical', `${h}.${nonCanonical(paddedPayload)}.${s}`, {
    description:
      'Payload base64url with non-zero unused bits in its last character (same bytes, other text).',
    expect: ['format', Codes.jwtMalformed],
  });
  const spareHeaderText = spare(b64(headerText)) ? headerText : `${headerText} `;
  const withSpareHeader = await edJwt(spareHeaderText, payloadText, issuer);
  const [sh, sp, ss] = withSpareHeader.split('.') as [string, string, string];
  add('jwt/header-non-canonical', `${nonCanonical(sh)}.${sp}.${ss}`, {
    description: 'Header base64url with non-zero unused bits in its last character.',
    expect: ['format', Codes.jwtMalformed],
  });
  add('jwt/signature-non-canonical', `${h}.${p}.${nonCanonical(s)}`, {
    description: 'A valid signature re-encoded with non-zero unused bits (signature malleability).',
    expect: ['format', Codes.jwtMalformed],
  });
  add('jwt/standard-base64-alphabet', `${h}.${Buffer.from(payloadText).toString('base64')}.${s}`, {
    description: "Payload in standard base64 ('+', '/', '=') instead of base64url.",
    expect: ['format', Codes.jwtMalformed],
    as: 'text',
  });
  add('jwt/two-parts', `${h}.${p}`, {
    description: 'Only two parts.',
    expect: ['format', Codes.jwtMalformed],
    as: 'text',
  });
  add('jwt/five-parts', `${h}.${p}.${s}.${s}.${s}`, {
    description: 'Five parts (JWE-shaped).',
    expect: ['format', Codes.jwtMalformed],
    as: 'text',
  });
  add('jwt/payload-array', await edJwt(headerText, '[1,2,3]', issuer), {
    description: 'A payload that is a JSON array.',
    expect: ['format', Codes.jwtMalformed],
  });
  add('jwt/payload-not-json', await edJwt(headerText, 'not json at all', issuer), {
    description: 'A payload that is not JSON.',
    expect: ['format', Codes.jwtMalformed],
  });
  add('jwt/header-not-json', `${b64('{alg: EdDSA')}.${p}.${s}`, {
    description: 'A header that is not JSON.',
    expect: ['format', Codes.jwtMalformed],
  });
  add(
    'jwt/payload-invalid-utf8',
    `${h}.${b64(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))}.${s}`,
    {
      description: 'A payload whose bytes are not UTF-8.',
      expect: ['format', Codes.jwtMalformed],
    },
  );
  add(
    'jwt/enveloped-alg-none',
    {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      id: `data:application/vc+jwt,${unsigned({ ...header, alg: 'none' })}`,
      type: 'EnvelopedVerifiableCredential',
    },
    {
      description: 'An EnvelopedVerifiableCredential wrapping an alg "none" JWT.',
      expect: ['proof', Codes.jwtAlgNotAllowed],
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-LD

{
  const remote = clone(signedA);
  remote['@context'].push('https://attacker.example/context.jsonld');
  add('jsonld/remote-context-appended', remote, {
    description: 'An unknown remote @context appended: refused, never fetched.',
    expect: ['format', Codes.contextUnknown],
  });
  const remoteFirst = clone(signedA);
  remoteFirst['@context'].unshift('https://attacker.example/context.jsonld');
  add('jsonld/remote-context-first', remoteFirst, {
    description: 'An unknown remote @context before the VC context.',
    expect: ['format', Codes.contextMissing],
  });
  const inProof = clone(signedA);
  inProof.proof[0]['@context'] = 'https://attacker.example/proof-context.jsonld';
  add('jsonld/remote-context-in-proof', inProof, {
    description: 'A remote @context inside the proof: the loader must refuse it, not fetch it.',
    expect: ['proof', Codes.contextUnknown],
  });
  const imported = clone(signedA);
  imported['@context'].push({ '@import': 'https://attacker.example/import.jsonld' });
  add('jsonld/remote-context-import', imported, {
    description: 'An inline context that @imports a remote one.',
    expect: ['proof', Codes.contextUnknown],
  });
  const scoped = clone(signedA);
  scoped['@context'].push({
    Grade: { '@id': 'https://attacker.example/grade', '@context': 'https://attacker.example/scoped.jsonld' },
  });
  scoped.credentialSubject.Grade = { value: 'A+' };
  add('jsonld/remote-scoped-context', scoped, {
    description: 'A property-scoped context pointing at a remote document: refused, never fetched.',
    expect: ['proof', Codes.contextInvalid],
  });
  const protectedTerms: Array<[string, Json]> = [
    ['redefine-verifiable-credential', { VerifiableCredential: 'https://attacker.example/Credential' }],
    ['redefine-id-alias', { id: 'https://attacker.example/id' }],
  ];
  for (const [name, context] of protectedTerms) {
    const redefined = clone(signedA);
    redefined['@context'].push(context);
    add(`jsonld/${name}`, redefined, {
      description: `An inline context redefining the protected term ${Object.keys(context)[0]}: refused.`,
      expect: ['proof', Codes.contextInvalid],
    });
  }
  // These terms are defined inside protected type-scoped contexts (VerifiableCredential, AchievementSubject), which
  // take precedence over a top-level redefinition: the statements keep their meaning and the proof still holds.
  const shadowed: Array<[string, Json]> = [
    ['redefine-credential-subject-no-effect', { credentialSubject: 'https://attacker.example/subject' }],
    ['redefine-issuer-no-effect', { issuer: { '@id': 'https://attacker.example/issuer', '@type': '@id' } }],
    ['redefine-achievement-no-effect', { achievement: 'https://attacker.example/achievement' }],
  ];
  for (const [name, context] of shadowed) {
    const redefined = clone(signedA);
    redefined['@context'].push(context);
    add(`jsonld/${name}`, redefined, {
      description: `An inline context redefining ${Object.keys(context)[0]} at the top level. It has no effect: the term's protected type-scoped definition wins, the signed statements are unchanged, so the proof verifies (neutralised, not refused).`,
      expect: ['proof', Codes.proofOk, 'pass'],
      verified: true,
    });
  }
  const vocab = clone(signedA);
  vocab['@context'].push({ '@vocab': 'https://attacker.example/vocab#' });
  vocab.credentialSubject.grade = 'A+';
  add('jsonld/vocab-override-adds-property', vocab, {
    description: 'An inline @vocab so an added "grade" property looks defined.',
    expect: ['proof', Codes.proofInvalid],
  });
  const nulled = clone(signedA);
  nulled['@context'].push({ grade: null });
  nulled.credentialSubject.grade = 'A+';
  add('jsonld/null-term-hides-property', nulled, {
    description: 'An inline context maps "grade" to null so the added property drops out of the signed data.',
    expect: ['proof', Codes.contextInvalid],
  });
  const relativeVocab = clone(signedA);
  relativeVocab['@context'].push({ '@vocab': '#' });
  relativeVocab.credentialSubject.grade = 'A+';
  add('jsonld/relative-vocab', relativeVocab, {
    description: 'A relative @vocab making undefined terms relative IRIs.',
    expect: ['proof', Codes.contextInvalid],
  });
  const typeAlias = clone(signedA);
  typeAlias['@context'].push({ kind: '@type' });
  typeAlias.credentialSubject.kind = 'Person';
  add('jsonld/type-alias-keyword', typeAlias, {
    description: 'An inline context aliasing "kind" to @type to add a type the issuer never signed.',
    expect: ['proof', Codes.contextInvalid],
  });
  const atType = clone(signedA);
  atType['@type'] = atType.type;
  delete atType.type;
  add('jsonld/at-type-instead-of-type', atType, {
    description:
      '"@type" used instead of "type": the credential no longer states VerifiableCredential by name.',
    expect: ['format', Codes.typeMissing],
  });
  const typeObject = clone(signedA);
  typeObject.type = { '@id': 'VerifiableCredential' };
  add('jsonld/type-object', typeObject, {
    description: 'type given as an object.',
    expect: ['format', Codes.typeMissing],
  });
  const typeIri = clone(signedA);
  typeIri.type = ['https://www.w3.org/2018/credentials#VerifiableCredential', 'OpenBadgeCredential'];
  add('jsonld/type-full-iri', typeIri, {
    description: 'The VerifiableCredential type written as its full IRI (same RDF, different JSON).',
    expect: ['format', Codes.typeMissing],
  });
  const numberContext = clone(signedA);
  numberContext['@context'].push(42);
  add('jsonld/context-number', numberContext, {
    description: 'A number in the @context list.',
    expect: ['format', Codes.contextInvalid],
  });
  const nullContext = clone(signedA);
  nullContext['@context'].push(null);
  add('jsonld/context-null', nullContext, {
    description: 'null in the @context list (it would reset the active context).',
    expect: ['format', Codes.contextInvalid],
  });
  const noContext = clone(signedA);
  delete noContext['@context'];
  add('jsonld/context-missing', noContext, {
    description: 'No @context at all.',
    expect: ['format', Codes.contextMissing],
  });
  const protoText = JSON.stringify(signedA).replace(
    '{',
    '{"__proto__":{"verified":true,"issuer":"did:key:attacker"},',
  );
  add('jsonld/proto-key', protoText, {
    description: 'A "__proto__" key in the JSON: refused before anything copies it into a prototype.',
    expect: ['format', Codes.inputNotJson],
    as: 'text',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// DIDs

const webDocument = webIssuerDocument(webIssuer);
scenarios['web-issuer'] = {
  description: 'did:web:issuer.example publishes its DID document on a public address.',
  dns: { 'issuer.example': [PUBLIC_IP] },
  routes: { 'https://issuer.example/.well-known/did.json': serve('did/issuer.example.json', webDocument) },
};
const ISSUER_DID_URL = 'https://issuer.example/.well-known/did.json';
{
  const webSigned = await signDi(badge(WEB_ISSUER_DID, 20), webIssuer);
  add('control/di-did-web', webSigned, {
    description: 'A did:web issuer resolved over the (injected) network verifies.',
    expect: ['proof', Codes.proofOk, 'pass'],
    verified: true,
    scenario: 'web-issuer',
    fetches: [ISSUER_DID_URL],
  });

  const refusedHosts: Array<[string, string, string]> = [
    ['localhost', 'did:web:localhost', 'localhost'],
    ['localhost-port', 'did:web:localhost%3A8443', 'localhost with a port'],
    ['localhost-subdomain', 'did:web:api.localhost', 'a *.localhost name'],
    ['loopback-ipv4', 'did:web:127.0.0.1', 'the IPv4 loopback address'],
    ['private-10', 'did:web:10.0.0.5', 'a 10/8 private address'],
    ['private-172-16', 'did:web:172.16.0.1', 'a 172.16/12 private address'],
    ['private-192-168', 'did:web:192.168.1.10', 'a 192.168/16 private address'],
    ['link-local-metadata', 'did:web:169.254.169.254', 'the cloud metadata address (link-local)'],
    ['carrier-nat', 'did:web:100.64.0.1', 'a carrier-grade NAT address'],
    ['unspecified', 'did:web:0.0.0.0', 'the unspecified address 0.0.0.0'],
    ['loopback-decimal', 'did:web:2130706433', 'the loopback address written as one decimal number'],
    ['loopback-hex', 'did:web:0x7f.0.0.1', 'the loopback address written in hexadecimal'],
    ['loopback-octal', 'did:web:0177.0.0.1', 'the loopback address written in octal'],
  ];
  for (const [name, did, what] of refusedHosts) {
    const key = await keyAtDid(did);
    add(`did/web-${name}`, await signDi(badge(did, 21), key), {
      description: `Issuer did:web at ${what}: refused before any request.`,
      expect: ['proof', Codes.didAddressNotAllowed],
    });
  }
  const localJwtKey = await keyAtDid('did:web:127.0.0.1');
  add('did/jwt-web-loopback', await signJwt(badge('did:web:127.0.0.1', 22), localJwtKey), {
    description: 'A JWT whose issuer and kid are did:web:127.0.0.1.',
    expect: ['proof', Codes.didAddressNotAllowed],
  });
  const ipv6Key = await keyAtDid('did:web:%5B%3A%3A1%5D');
  add('did/web-ipv6-loopback-literal', await signDi(badge('did:web:%5B%3A%3A1%5D', 23), ipv6Key), {
    description: 'Issuer did:web:[::1] (IPv6 loopback literal): not a valid did:web host, never fetched.',
    expect: ['proof', Codes.didResolutionFailed],
  });

  const dnsCases: Array<[string, string, string[], string]> = [
    ['dns-private', 'internal.example', ['10.1.2.3'], 'a name whose DNS answer is a private address'],
    ['dns-ipv6-loopback', 'v6.example', ['::1'], 'a name resolving to the IPv6 loopback ::1'],
    ['dns-ipv4-mapped', 'mapped.example', ['::ffff:127.0.0.1'], 'a name resolving to ::ffff:127.0.0.1'],
    ['dns-unique-local', 'ula.example', ['fd00::1'], 'a name resolving to an IPv6 unique-local address'],
    [
      'dns-mixed',
      'mixed.example',
      [PUBLIC_IP, '192.168.0.1'],
      'a name with one public and one private answer',
    ],
  ];
  for (const [name, host, addresses, what] of dnsCases) {
    scenarios[`did-${name}`] = {
      description: `${host} resolves to ${addresses.join(', ')}.`,
      dns: { [host]: addresses },
      routes: { [`https://${host}/.well-known/did.json`]: { body: '{}' } },
    };
    const did = `did:web:${host}`;
    add(`did/web-${name}`, await signDi(badge(did, 24), await keyAtDid(did)), {
      description: `Issuer did:web at ${what}: refused after the lookup, before connecting.`,
      expect: ['proof', Codes.didAddressNotAllowed],
      scenario: `did-${name}`,
    });
  }

  const redirects: Array<[string, string, Route, string, string]> = [
    [
      'redirect-localhost',
      'redirect-local.example',
      { status: 302, location: 'https://localhost/did.json' },
      Codes.didAddressNotAllowed,
      'a redirect to localhost',
    ],
    [
      'redirect-private-ip',
      'redirect-private.example',
      { status: 301, location: 'https://10.0.0.1/.well-known/did.json' },
      Codes.didAddressNotAllowed,
      'a redirect to 10.0.0.1',
    ],
    [
      'redirect-ipv6-loopback',
      'redirect-v6.example',
      { status: 307, location: 'https://[::1]/did.json' },
      Codes.didAddressNotAllowed,
      'a redirect to [::1]',
    ],
    [
      'redirect-metadata',
      'redirect-meta.example',
      { status: 308, location: 'https://169.254.169.254/latest/meta-data/' },
      Codes.didAddressNotAllowed,
      'a redirect to the cloud metadata address',
    ],
    [
      'redirect-http',
      'redirect-http.example',
      { status: 302, location: 'http://redirect-http.example/did.json' },
      Codes.fetchSchemeNotAllowed,
      'a redirect to plain http',
    ],
    [
      'redirect-file',
      'redirect-file.example',
      { status: 302, location: 'file:///etc/passwd' },
      Codes.fetchSchemeNotAllowed,
      'a redirect to a file: URL',
    ],
  ];
  for (const [name, host, route, code, what] of redirects) {
    const url = `https://${host}/.well-known/did.json`;
    scenarios[`did-${name}`] = {
      description: `${host} answers with ${what}.`,
      dns: { [host]: [PUBLIC_IP] },
      routes: { [url]: route },
    };
    const did = `did:web:${host}`;
    add(`did/web-${name}`, await signDi(badge(did, 25), await keyAtDid(did)), {
      description: `The issuer's DID document URL answers with ${what}: the target is checked like the first URL.`,
      expect: ['proof', code as HostileCase['expect']['code']],
      scenario: `did-${name}`,
      fetches: [url],
    });
  }
  {
    const host = 'loop.example';
    const urls = [0, 1, 2, 3].map((n) =>
      n === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/hop/${n}`,
    );
    const routes: Record<string, Route> = {};
    for (const [n, url] of urls.entries()) {
      routes[url] = { status: 302, location: `https://${host}/hop/${n + 1}` };
    }
    scenarios['did-redirect-loop'] = {
      description: 'Every answer redirects to the next hop.',
      dns: { [host]: [PUBLIC_IP] },
      routes,
    };
    add(
      'did/web-redirect-loop',
      await signDi(badge(`did:web:${host}`, 26), await keyAtDid(`did:web:${host}`)),
      {
        description: 'Endless redirects: given up after 3.',
        expect: ['proof', Codes.fetchTooManyRedirects],
        scenario: 'did-redirect-loop',
        fetches: urls,
      },
    );
  }
  const responses: Array<[string, string, Route, string, string, number?]> = [
    [
      'huge-declared',
      'huge.example',
      { contentLength: 50 * 1024 * 1024, body: '{}' },
      Codes.fetchTooLarge,
      'declares a 50 MB body',
    ],
    [
      'huge-streamed',
      'stream.example',
      { streamBytes: 3 * 1024 * 1024 },
      Codes.fetchTooLarge,
      'streams 3 MB with no declared length',
    ],
    ['slow-headers', 'slow.example', { hang: 'response' }, Codes.fetchTimeout, 'never answers', 300],
    [
      'slow-body',
      'slow-body.example',
      { hang: 'body' },
      Codes.fetchTimeout,
      'sends headers and then stalls',
      300,
    ],
    [
      'not-found',
      'gone.example',
      { status: 404, body: 'not found' },
      Codes.didResolutionFailed,
      'answers 404',
    ],
    ['not-json', 'html.example', { body: '<html>hello</html>' }, Codes.didResolutionFailed, 'answers HTML'],
    ['json-array', 'array.example', { body: '[]' }, Codes.didResolutionFailed, 'answers a JSON array'],
  ];
  for (const [name, host, route, code, what, timeout] of responses) {
    const url = `https://${host}/.well-known/did.json`;
    scenarios[`did-${name}`] = {
      description: `${host} ${what}.`,
      dns: { [host]: [PUBLIC_IP] },
      routes: { [url]: route },
    };
    const did = `did:web:${host}`;
    const options: AddOptions = {
      description: `The issuer's DID document host ${what}.`,
      expect: ['proof', code as HostileCase['expect']['code']],
      scenario: `did-${name}`,
      fetches: [url],
    };
    if (timeout) options.fetchTimeoutMs = timeout;
    add(`did/web-${name}`, await signDi(badge(did, 27), await keyAtDid(did)), options);
  }
  const documents: Array<[string, string, (document: Json) => void, string, string]> = [
    [
      'document-id-mismatch',
      'mismatch.example',
      (d) => (d.id = WEB_ISSUER_DID),
      Codes.didResolutionFailed,
      'is the document of another DID (id differs)',
    ],
    [
      'key-authentication-only',
      'authonly.example',
      (d) => (d.assertionMethod = []),
      Codes.keyNotAuthorized,
      'lists the key only for authentication, not assertionMethod',
    ],
    [
      'key-foreign-controller',
      'foreign.example',
      (d) => (d.verificationMethod[0].controller = WEB_ISSUER_DID),
      Codes.keyNotAuthorized,
      'declares the key as controlled by another DID',
    ],
    [
      'key-missing',
      'nokey.example',
      (d) => (d.verificationMethod[0].id = `${d.id}#key-2`),
      Codes.keyNotFound,
      "has no key with the proof's id",
    ],
  ];
  for (const [name, host, change, code, what] of documents) {
    const did = `did:web:${host}`;
    const key = await keyAtDid(did);
    const document = clone(webIssuerDocument(key)) as Json;
    const fixed = JSON.parse(JSON.stringify(document).replaceAll(WEB_ISSUER_DID, did));
    change(fixed);
    const url = `https://${host}/.well-known/did.json`;
    scenarios[`did-${name}`] = {
      description: `The DID document at ${host} ${what}.`,
      dns: { [host]: [PUBLIC_IP] },
      routes: { [url]: serve(`did/${host}.json`, fixed) },
    };
    add(`did/web-${name}`, await signDi(badge(did, 28), key), {
      description: `The issuer's DID document ${what}.`,
      expect: ['proof', code as HostileCase['expect']['code']],
      scenario: `did-${name}`,
      fetches: [url],
    });
    add(`did/jwt-web-${name}`, await signJwt(badge(did, 29), key), {
      description: `JWT: the issuer's DID document ${what}.`,
      expect: ['proof', code as HostileCase['expect']['code']],
      scenario: `did-${name}`,
      fetches: [url],
    });
  }
  const unsupported = clone(signedA);
  unsupported.issuer.id = 'did:ion:EiClkZMDxPKqC9c-umQfTkR8vvZ9JPhl_xLDI9Nfk38w5w';
  unsupported.proof[0].verificationMethod = `${unsupported.issuer.id}#key-1`;
  add('did/method-unsupported', unsupported, {
    description: 'A DID method the verifier does not resolve (did:ion).',
    expect: ['proof', Codes.didMethodUnsupported],
  });
  const traversal = 'did:web:issuer.example:%2E%2E:%2E%2E:admin';
  add('did/web-path-traversal', await signDi(badge(traversal, 30), await keyAtDid(traversal)), {
    description: 'A did:web path with encoded ".." segments.',
    expect: ['proof', Codes.didResolutionFailed],
    scenario: 'web-issuer',
  });
  const badKey = 'did:key:z6MkTHISISNOTAKEYATALL1111111111111111111111111';
  const badDidKey = clone(signedA);
  badDidKey.issuer.id = badKey;
  badDidKey.proof[0].verificationMethod = `${badKey}#${badKey.slice(8)}`;
  add('did/key-malformed', badDidKey, {
    description: 'A did:key whose multibase is not a key.',
    expect: ['proof', Codes.didResolutionFailed],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Status lists

{
  const LIST = 'https://status.example/lists/';
  const bits = () => new Uint8Array(16 * 1024);
  const list = async (
    name: string,
    options: { key?: PassportKeyPair; purpose?: 'revocation' | 'suspension'; revoked?: number } = {},
  ) => {
    const b = bits();
    if (options.revoked !== undefined) b[options.revoked >> 3]! |= 0x80 >> (options.revoked & 7);
    const key = options.key ?? issuer;
    return signStatusListCredential({
      id: LIST + name,
      issuer: key.controller,
      purpose: options.purpose ?? 'revocation',
      bits: b,
      issuerKey: key,
      now: issuedAt,
    });
  };
  const undecodable = await createStatusListCredential({
    id: `${LIST}undecodable`,
    issuer: issuer.controller,
    purpose: 'revocation',
    bits: bits(),
  });
  (undecodable.credentialSubject as Json).encodedList = 'u!!not-base64!!';
  const tampered = await list('tampered');
  (tampered.credentialSubject as Json).encodedList = (
    (await list('tampered', { revoked: 5 })) as Json
  ).credentialSubject.encodedList;
  const routes: Record<string, Route> = {
    [`${LIST}good`]: serve('status/good.json', await list('good', { revoked: 7 })),
    [`${LIST}other-signer`]: serve('status/other-signer.json', await list('other-signer', { key: other })),
    [`${LIST}suspension`]: serve(
      'status/suspension.json',
      await list('suspension', { purpose: 'suspension' }),
    ),
    [`${LIST}undecodable`]: serve(
      'status/undecodable.json',
      await issueCredential(undecodable, { issuerKey: issuer, validateSchema: false, now: issuedAt }),
    ),
    [`${LIST}tampered`]: serve('status/tampered.json', tampered),
    [`${LIST}not-a-list`]: serve('status/not-a-list.json', signedA),
    [`${LIST}missing`]: { status: 404, body: 'not found' },
    [`${LIST}slow`]: { hang: 'response' },
    [`${LIST}huge`]: { contentLength: 40 * 1024 * 1024, body: '{}' },
  };
  scenarios.status = {
    description: 'status.example serves status lists: good, hostile and broken.',
    dns: { 'status.example': [PUBLIC_IP] },
    routes,
  };
  const statusCase = async (
    name: string,
    entry: { url: string; index: number | string; purpose?: 'revocation' | 'suspension' },
    expect: AddOptions['expect'],
    description: string,
    extra: Partial<AddOptions> = {},
  ) => {
    const credentialStatus = {
      ...createStatusListEntry({
        statusListCredential: entry.url,
        index: 0,
        purpose: entry.purpose ?? 'revocation',
      }),
      statusListIndex: String(entry.index),
    };
    const n = 40 + cases.length;
    add(`status/${name}`, await signDi(badge(issuer.controller, n, { credentialStatus }), issuer), {
      description,
      expect,
      scenario: 'status',
      fetches: entry.url.startsWith(LIST) && /^\d+$/.test(String(entry.index)) ? [entry.url] : [],
      ...extra,
    });
  };
  await statusCase(
    'control-not-revoked',
    { url: `${LIST}good`, index: 3 },
    ['status', Codes.statusOk, 'pass'],
    'A valid list where the bit is clear (control).',
    { verified: true },
  );
  await statusCase(
    'revoked',
    { url: `${LIST}good`, index: 7 },
    ['status', Codes.revoked],
    'A valid list where the bit is set: revoked.',
  );
  await statusCase(
    'list-signed-by-other',
    { url: `${LIST}other-signer`, index: 3 },
    ['status', Codes.statusListInvalid],
    'The list credential is validly signed, but by someone other than the issuer.',
  );
  await statusCase(
    'wrong-purpose',
    { url: `${LIST}suspension`, index: 3 },
    ['status', Codes.statusListInvalid],
    'The entry says revocation; the list is a suspension list.',
  );
  await statusCase(
    'index-past-end',
    { url: `${LIST}good`, index: 131072 },
    ['status', Codes.statusListInvalid],
    'statusListIndex one past the last bit.',
  );
  await statusCase(
    'index-huge',
    { url: `${LIST}good`, index: '999999999999999' },
    ['status', Codes.statusListInvalid],
    'A 15-digit statusListIndex.',
  );
  await statusCase(
    'index-negative',
    { url: `${LIST}good`, index: '-1' },
    ['status', Codes.statusListInvalid],
    'A negative statusListIndex.',
  );
  await statusCase(
    'undecodable-bitstring',
    { url: `${LIST}undecodable`, index: 3 },
    ['status', Codes.statusListInvalid],
    'A signed list whose encodedList is not base64url GZIP.',
  );
  await statusCase(
    'list-tampered',
    { url: `${LIST}tampered`, index: 3 },
    ['status', Codes.statusListInvalid],
    'A list whose bits were replaced after signing (its proof fails).',
  );
  await statusCase(
    'not-a-list',
    { url: `${LIST}not-a-list`, index: 3 },
    ['status', Codes.statusListInvalid],
    'The URL serves an ordinary credential, not a status list.',
  );
  await statusCase(
    'list-not-found',
    { url: `${LIST}missing`, index: 3 },
    ['status', Codes.statusListUnreachable, 'warn'],
    'The list answers 404: status unknown (warn by default).',
    { verified: true },
  );
  await statusCase(
    'list-timeout',
    { url: `${LIST}slow`, index: 3 },
    ['status', Codes.statusListUnreachable, 'warn'],
    'The list host never answers: times out, status unknown.',
    { verified: true, fetchTimeoutMs: 300 },
  );
  await statusCase(
    'list-huge',
    { url: `${LIST}huge`, index: 3 },
    ['status', Codes.statusListUnreachable, 'warn'],
    'The list declares a 40 MB body: refused unread.',
    { verified: true },
  );
  await statusCase(
    'list-at-localhost',
    { url: 'https://127.0.0.1/status/1', index: 3 },
    ['status', Codes.statusListUnreachable, 'warn'],
    'The list URL is a loopback address: never fetched.',
    { verified: true },
  );
  await statusCase(
    'list-over-http',
    { url: 'http://status.example/lists/good', index: 3 },
    ['status', Codes.statusListUnreachable, 'warn'],
    'The list URL is plain http: never fetched.',
    { verified: true },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Presentations: the learner's signed passport, bound to the employer's challenge and domain

{
  const CHALLENGE = 'c-2026-06-01-0001';
  const DOMAIN = 'https://jobs.example.com';
  const VP_ID = 'urn:uuid:00000000-0000-4000-9000-000000000001';
  const presentDi = async (
    credentials: object[],
    holderKey: PassportKeyPair,
    options: { challenge?: string; domain?: string; holder?: string; purpose?: unknown } = {},
  ): Promise<Json> => {
    const libraryKey = await toLibraryKeyPair(holderKey);
    const suite = signingSuite('Ed25519', libraryKey.signer(), { date: new Date('2026-05-31T23:55:00Z') });
    return (await vc.signPresentation({
      presentation: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: VP_ID,
        type: ['VerifiablePresentation'],
        holder: options.holder ?? holderKey.controller,
        verifiableCredential: credentials,
      },
      suite,
      challenge: options.challenge ?? CHALLENGE,
      domain: options.domain ?? DOMAIN,
      documentLoader: loader,
      ...(options.purpose ? { purpose: options.purpose } : {}),
    } as Parameters<typeof vc.signPresentation>[0])) as Json;
  };
  const presentJwt = (
    credentials: object[],
    holderKey: PassportKeyPair,
    claims: Json = {},
    header: Json = {},
  ) =>
    edJwt(
      JSON.stringify({ alg: 'EdDSA', typ: 'vp+jwt', cty: 'vp', kid: holderKey.id, ...header }),
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: VP_ID,
        type: ['VerifiablePresentation'],
        holder: holderKey.controller,
        verifiableCredential: credentials,
        nonce: CHALLENGE,
        iss: holderKey.controller,
        aud: DOMAIN,
        iat: Math.floor(Date.parse('2026-05-31T23:55:00Z') / 1000),
        ...claims,
      }),
      holderKey,
    );
  const expects = { challenge: CHALLENGE, domain: DOMAIN };
  const store = (used: string[] = []) => ({ issued: [CHALLENGE], used });
  const enveloped = {
    '@context': 'https://www.w3.org/ns/credentials/v2',
    id: `data:application/vc+jwt,${jwtA}`,
    type: 'EnvelopedVerifiableCredential',
  };

  add('control/presentation-di-valid', await presentDi([signedA], learner), {
    description: "The learner's Data Integrity presentation for this challenge and domain (control).",
    expect: ['challenge', Codes.challengeOk, 'pass'],
    verified: true,
    ...expects,
    challenges: store(),
  });
  add('control/presentation-jwt-valid', await presentJwt([enveloped], learner), {
    description: "The learner's vp+jwt presentation for this challenge and domain (control).",
    expect: ['challenge', Codes.challengeOk, 'pass'],
    verified: true,
    ...expects,
    challenges: store(),
  });
  add(
    'presentation/di-other-challenge',
    await presentDi([signedA], learner, { challenge: 'c-attacker-0001' }),
    {
      description: 'A valid presentation made for another challenge, replayed here.',
      expect: ['challenge', Codes.challengeMismatch],
      ...expects,
    },
  );
  add('presentation/di-challenge-replayed', await presentDi([signedA], learner), {
    description: 'The right challenge, but already used once: a replay.',
    expect: ['challenge', Codes.challengeReused],
    domain: DOMAIN,
    challenges: store([CHALLENGE]),
  });
  add(
    'presentation/di-challenge-never-issued',
    await presentDi([signedA], learner, { challenge: 'c-made-up' }),
    {
      description: 'A challenge this verifier never issued.',
      expect: ['challenge', Codes.challengeUnknown],
      domain: DOMAIN,
      challenges: store(),
    },
  );
  const edited = await presentDi([signedA], learner, { challenge: 'c-attacker-0001' });
  edited.proof.challenge = CHALLENGE;
  add('presentation/di-challenge-edited', edited, {
    description: "The proof's challenge rewritten to this verifier's after signing.",
    expect: ['proof', Codes.holderProofInvalid],
    ...expects,
  });
  add(
    'presentation/di-other-domain',
    await presentDi([signedA], learner, { domain: 'https://other-employer.example' }),
    {
      description: 'A presentation made for another employer.',
      expect: ['challenge', Codes.domainMismatch],
      ...expects,
    },
  );
  add(
    'presentation/di-holder-not-signer',
    await presentDi([signedA], other, { holder: learner.controller }),
    {
      description: "Names the learner as holder but is signed by someone else's key.",
      expect: ['holder', Codes.holderMismatch],
      ...expects,
    },
  );
  add('presentation/di-someone-elses-credential', await presentDi([signedA], other), {
    description: "Another person presents the learner's (valid) credential as their own.",
    expect: ['holder', Codes.holderMismatch],
    ...expects,
  });
  const tamperedInside = clone(signedA);
  tamperedInside.credentialSubject.achievement.name = 'CISSP';
  add('presentation/di-tampered-credential', await presentDi([tamperedInside], learner), {
    description: 'A well-signed presentation carrying a credential changed after its issuer signed it.',
    expect: ['proof', Codes.proofInvalid],
    ...expects,
  });
  add(
    'presentation/di-purpose-assertion',
    await presentDi([signedA], learner, { purpose: { ...purposeOf('assertionMethod') } }),
    {
      description: 'The presentation proof made for assertionMethod instead of authentication.',
      expect: ['proof', Codes.proofPurposeInvalid],
      ...expects,
    },
  );
  const unsignedVp = clone(await presentDi([signedA], learner));
  delete unsignedVp.proof;
  add('presentation/di-unsigned', unsignedVp, {
    description: 'A presentation with no proof at all.',
    expect: ['proof', Codes.holderProofInvalid],
    ...expects,
  });
  add('presentation/jwt-other-nonce', await presentJwt([enveloped], learner, { nonce: 'c-attacker-0001' }), {
    description: 'A vp+jwt made for another challenge (nonce).',
    expect: ['challenge', Codes.challengeMismatch],
    ...expects,
  });
  add(
    'presentation/jwt-other-audience',
    await presentJwt([enveloped], learner, { aud: 'https://other.example' }),
    {
      description: 'A vp+jwt made for another employer (aud).',
      expect: ['challenge', Codes.domainMismatch],
      ...expects,
    },
  );
  add('presentation/jwt-iss-vs-holder', await presentJwt([enveloped], learner, { iss: other.controller }), {
    description: 'A vp+jwt whose iss disagrees with its holder.',
    expect: ['proof', Codes.jwtClaimsMismatch],
    ...expects,
  });
  add(
    'presentation/jwt-alg-none',
    (await presentJwt([enveloped], learner, {}, { alg: 'none' })).replace(/\.[^.]*$/, '.'),
    {
      description: 'A vp+jwt with alg "none".',
      expect: ['proof', Codes.jwtAlgNotAllowed],
      ...expects,
    },
  );
  add(
    'presentation/jwt-signed-by-other',
    await presentJwt(
      [enveloped],
      other,
      { holder: learner.controller, iss: learner.controller },
      { kid: learner.id },
    ),
    {
      description: 'A vp+jwt claiming the learner as holder and kid, signed by another key.',
      expect: ['proof', Codes.holderProofInvalid],
      ...expects,
    },
  );
}

addGenerated(
  'presentation/too-many-credentials',
  { recipe: 'many-credentials', size: 201 },
  {
    description: 'A presentation carrying 201 credentials (each would be verified and could fetch): refused.',
    expect: ['format', Codes.inputTooLarge],
  },
  'object',
);

// ---------------------------------------------------------------------------------------------------------------
// Resource exhaustion and malformed input

{
  const MB = 1024 * 1024;
  addGenerated(
    'resource/body-10mb-text',
    { recipe: 'text-bytes', size: 10 * MB },
    { description: 'A 10 MB JSON text.', expect: ['format', Codes.inputTooLarge] },
    'text',
  );
  addGenerated(
    'resource/body-10mb-bytes',
    { recipe: 'uint8-bytes', size: 10 * MB },
    { description: 'A 10 MB byte array.', expect: ['format', Codes.inputTooLarge] },
    'bytes',
  );
  addGenerated(
    'resource/jwt-3mb',
    { recipe: 'huge-jwt', size: 3 * MB },
    { description: 'A 3 MB JWT.', expect: ['format', Codes.inputTooLarge] },
    'text',
  );
  addGenerated(
    'resource/nesting-10000-text',
    { recipe: 'deep-array-text', size: 10_000 },
    { description: 'JSON text nested 10,000 deep.', expect: ['format', Codes.inputTooDeep] },
    'text',
  );
  addGenerated(
    'resource/nesting-10000-object',
    { recipe: 'deep-object', size: 10_000 },
    {
      description: 'An object (from an embedding program) nested 10,000 deep.',
      expect: ['format', Codes.inputTooDeep],
    },
    'object',
  );
  addGenerated(
    'resource/nesting-10000-jwt-payload',
    { recipe: 'deep-jwt-payload', size: 10_000 },
    { description: 'A JWT whose payload nests 10,000 deep.', expect: ['format', Codes.inputTooDeep] },
    'text',
  );
  addGenerated(
    'resource/array-100000-subject',
    { recipe: 'wide-array-subject', size: 100_000 },
    {
      description:
        'A signed credential with a 100,000-element achievement tag list added (JSON-LD would take minutes): refused by the value limit.',
      expect: ['format', Codes.inputTooLarge],
    },
    'object',
  );
  addGenerated(
    'resource/array-100000-text',
    { recipe: 'wide-array-text', size: 100_000 },
    { description: 'A top-level 100,000-element JSON array.', expect: ['format', Codes.inputNotJson] },
    'text',
  );
  addGenerated(
    'resource/string-1mb',
    { recipe: 'long-string-name', size: MB },
    { description: 'A 1 MB achievement name.', expect: ['proof', Codes.proofInvalid] },
    'object',
  );
  addGenerated(
    'resource/property-name-1mb',
    { recipe: 'long-property-name', size: MB },
    {
      description: 'A 1 MB property name (undefined term: refused in safe mode).',
      expect: ['proof', Codes.contextInvalid],
    },
    'object',
  );
  addGenerated(
    'resource/array-9000-tags',
    { recipe: 'wide-array-subject', size: 9_000 },
    {
      description:
        'A 9,000-element tag list (under the value limit; JSON-LD would spend seconds de-duplicating it): refused by the list-length limit.',
      expect: ['format', Codes.inputTooLarge],
    },
    'object',
  );
  addGenerated(
    'resource/values-12000',
    { recipe: 'many-alignments', size: 1_700 },
    {
      description:
        '1,700 skill alignments spread over lists of 500 (12,000 values, each a blank node to canonicalize).',
      expect: ['format', Codes.inputTooLarge],
    },
    'object',
  );
  addGenerated(
    'resource/proofs-1000',
    { recipe: 'many-proofs', size: 1000 },
    { description: 'A proof set of 1,000 copies of a proof.', expect: ['proof', Codes.proofInvalid] },
    'object',
  );

  add(
    'resource/invalid-utf8',
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xa0, 0xa1, 0x22, 0x7d]),
    {
      description: 'Bytes that are not UTF-8 (and not an image).',
      expect: ['format', Codes.inputNotJson],
    },
  );
  add(
    'resource/utf16-bom',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(signedA), 'utf16le')]),
    {
      description: 'The credential encoded as UTF-16.',
      expect: ['format', Codes.inputNotJson],
    },
  );
  const text = JSON.stringify(signedA);
  const raw: Array<[string, string, string, AddOptions['expect']]> = [
    [
      'number-1e400',
      'A number too large for a double (1e400) as a property value.',
      text.replace('"achievementType":"Course"', '"achievementType":"Course","creditsAvailable":1e400'),
      ['proof', Codes.proofInvalid],
    ],
    [
      'number-huge-integer',
      'An integer beyond 2^64.',
      text.replace(
        '"achievementType":"Course"',
        '"achievementType":"Course","creditsAvailable":123456789012345678901234567890',
      ),
      ['proof', Codes.proofInvalid],
    ],
    [
      'number-as-date',
      'validFrom as a huge number.',
      text.replace('"validFrom":"2026-01-10T09:00:00Z"', '"validFrom":1e308'),
      ['proof', Codes.proofInvalid],
    ],
    [
      'date-year-275760',
      'validFrom beyond the largest JavaScript date.',
      text.replace('"validFrom":"2026-01-10T09:00:00Z"', '"validFrom":"275761-01-01T00:00:00Z"'),
      ['proof', Codes.proofInvalid],
    ],
    [
      'lone-surrogate',
      'A lone UTF-16 surrogate escape in a string.',
      text.replace('"name":"Cyber security essentials"', '"name":"Cyber \\ud800 essentials"'),
      ['proof', Codes.proofInvalid],
    ],
    [
      'nul-in-string',
      'A NUL character inside the issuer name.',
      text.replace('"Example Training College"', '"Example Training\\u0000 College"'),
      ['proof', Codes.proofInvalid],
    ],
    [
      'nan-literal',
      'NaN (not JSON).',
      text.replace('"validFrom":"2026-01-10T09:00:00Z"', '"validFrom":NaN'),
      ['format', Codes.inputNotJson],
    ],
    ['trailing-garbage', 'Valid JSON followed by garbage.', `${text}}}`, ['format', Codes.inputNotJson]],
    ['empty', 'Empty input.', '', ['format', Codes.inputEmpty]],
    ['whitespace', 'Only whitespace.', ' \n\t ', ['format', Codes.inputEmpty]],
    ['json-null', 'The JSON literal null.', 'null', ['format', Codes.inputNotJson]],
    ['json-number', 'A bare JSON number.', '42', ['format', Codes.inputNotJson]],
    ['json-array', 'A JSON array of the credential.', `[${text}]`, ['format', Codes.inputNotJson]],
    [
      'string-in-string',
      'A JSON string holding a JSON string holding a JSON string…',
      JSON.stringify(JSON.stringify(JSON.stringify(JSON.stringify('not a credential')))),
      ['format', Codes.inputNotJson],
    ],
    [
      'looks-like-jwt',
      'Text starting like a JWT but not one.',
      'eyJhbGciOiJFZERTQSJ9.not a jwt',
      ['format', Codes.jwtMalformed],
    ],
  ];
  for (const [name, description, content, expect] of raw) {
    add(`resource/${name}`, content, { description, expect, as: 'text' });
  }
}

// ---------------------------------------------------------------------------------------------------------------

const table: CaseTable = {
  generatedBy: 'node --import tsx conformance/hostile/generate.ts',
  now: CORPUS_NOW,
  scenarios,
  cases,
};
writeFileSync(join(ROOT, 'cases.json'), `${JSON.stringify(table, null, 2)}\n`);
console.log(`${cases.length} cases, ${Object.keys(scenarios).length} scenarios written to ${ROOT}`);
