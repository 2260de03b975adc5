// Test support: an Open Badges 2.0 issuer (profile, BadgeClass, hosted and signed assertions, key, revocation
// list) for the CLI sandbox's injected fetch, and baked PNG/SVG images made here byte by byte (not with core's
// baking code), so the CLI is tested against badges produced independently of what it verifies with.
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { CliSandbox } from './cli-harness.js';

export const ORIGIN = 'https://vendor.example';
export const ISSUER_URL = `${ORIGIN}/issuer`;
export const BADGE_URL = `${ORIGIN}/badges/network-defender`;
export const KEY_URL = `${ORIGIN}/keys/1`;
export const REVOCATIONS_URL = `${ORIGIN}/revocations`;
export const ASSERTION_URL = `${ORIGIN}/assertions/42`;
export const SIGNED_ID = 'urn:uuid:6f1f3c1e-8d43-4c55-9b3c-0d2b8a8f4e21';
export const LEARNER_EMAIL = 'Sam.Taylor@example.org';
const SALT = 'd7f1c2';
const CONTEXT = 'https://w3id.org/openbadges/v2';

type Json = Record<string, unknown>;

let rsa: { privateKey: KeyObject; publicKeyPem: string } | undefined;

function rsaKey(): { privateKey: KeyObject; publicKeyPem: string } {
  if (!rsa) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    rsa = {
      privateKey: pair.privateKey,
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  return rsa;
}

/** The recipient as Credly and others write it: the lower-cased email, salted, hashed with sha256. */
function hashedRecipient(email: string): Json {
  const digest = createHash('sha256')
    .update(email.toLowerCase() + SALT)
    .digest('hex');
  return { type: 'email', hashed: true, salt: SALT, identity: `sha256$${digest}` };
}

export function hostedAssertion(overrides: Json = {}): Json {
  return {
    '@context': CONTEXT,
    id: ASSERTION_URL,
    type: 'Assertion',
    recipient: hashedRecipient(LEARNER_EMAIL),
    badge: BADGE_URL,
    verification: { type: 'hosted' },
    issuedOn: '2026-01-10T09:00:00Z',
    ...overrides,
  };
}

/** A signed assertion as a compact RS256 JWS, signed with node:crypto directly. */
export function signedAssertionJws(overrides: Json = {}): string {
  const payload = hostedAssertion({
    id: SIGNED_ID,
    verification: { type: 'SignedBadge', creator: KEY_URL },
    ...overrides,
  });
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256' })}.${encode(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(input), rsaKey().privateKey).toString('base64url');
  return `${input}.${signature}`;
}

/** Serves the issuer's documents through the sandbox's injected fetch. */
export function serveOb2Issuer(sandbox: CliSandbox): void {
  sandbox.serve(ISSUER_URL, {
    '@context': CONTEXT,
    id: ISSUER_URL,
    type: 'Issuer',
    name: 'Example Vendor Certifications',
    url: ORIGIN,
    email: 'certs@vendor.example',
    publicKey: KEY_URL,
    revocationList: REVOCATIONS_URL,
  });
  sandbox.serve(BADGE_URL, {
    '@context': CONTEXT,
    id: BADGE_URL,
    type: 'BadgeClass',
    name: 'Network Defender',
    description: 'Defends small networks against common attacks.',
    image: `${ORIGIN}/badges/network-defender.png`,
    criteria: { narrative: 'Passed the proctored Network Defender exam.' },
    issuer: ISSUER_URL,
    alignment: [
      {
        targetName: 'Information security',
        targetUrl: 'https://sfia-online.org/en/sfia-9/skills/information-security',
        targetFramework: 'SFIA',
        targetCode: 'SCTY',
      },
    ],
  });
  sandbox.serve(ASSERTION_URL, hostedAssertion());
  sandbox.serve(KEY_URL, {
    '@context': CONTEXT,
    id: KEY_URL,
    type: 'CryptographicKey',
    owner: ISSUER_URL,
    publicKeyPem: rsaKey().publicKeyPem,
  });
  sandbox.serve(REVOCATIONS_URL, {
    '@context': CONTEXT,
    id: REVOCATIONS_URL,
    type: 'RevocationList',
    issuer: ISSUER_URL,
    revokedAssertions: [],
  });
}

/** A 1x1 PNG with an `iTXt` chunk `openbadges` holding `payload` (the OB 2.0 baking specification). */
export function bakedPng(payload: string): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  // keyword NUL, compression flag 0, method 0, language tag NUL, translated keyword NUL, text
  const itxt = Buffer.concat([Buffer.from('openbadges\0\0\0\0\0', 'latin1'), Buffer.from(payload, 'utf8')]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('iTXt', itxt),
      chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** An SVG with `<openbadges:assertion verify="…">` holding the assertion URL (hosted) or the JWS (signed). */
export function bakedSvg(payload: string): Uint8Array {
  return new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="1" height="1"><openbadges:assertion verify="${payload}"/><rect width="1" height="1"/></svg>`,
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
