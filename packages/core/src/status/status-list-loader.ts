import { messageOfError } from '../verify/error-code.js';
import { issuerIdOf, typesOf } from '../verify/format-check.js';
import { decodeStatusList } from './encoded-list.js';
import {
  invalidList,
  type ListOutcome,
  type ListReader,
  loadPublishedList,
  type PublishedListDeps,
} from './published-list.js';
import type { VerifiedStatusList } from './status-list-cache.js';
import { BITSTRING_STATUS_LIST, STATUS_LIST_2021, type StatusListFormat } from './status-list-format.js';

/** What loading one status list came to: a verified list, or why there is none. */
export type StatusListOutcome = ListOutcome<VerifiedStatusList>;

export type StatusListLoaderDeps = PublishedListDeps;

const ACCEPT = 'application/vc+ld+json, application/vc+jwt, application/vc, application/json;q=0.9';

/**
 * Fetches a status list credential (`BitstringStatusListCredential` by default, or a `StatusList2021Credential`)
 * through the safe fetch, verifies it (Data Integrity proof, or a JWT signature, by its issuer's key), checks it
 * is the list it claims to be, and decodes its bits. Verified lists are cached per the response's
 * `Cache-Control` (capped by the cache's maximum age) and revalidated with its ETag.
 *
 * @example
 * const outcome = await loadStatusList('https://passport.example.org/status/Zq3f', deps);
 * if (outcome.kind === 'ok') outcome.list.bits.getStatus(94567);
 */
export function loadStatusList(
  url: string,
  deps: StatusListLoaderDeps,
  format: StatusListFormat = BITSTRING_STATUS_LIST,
): Promise<StatusListOutcome> {
  return loadPublishedList(url, statusListReader(format), deps);
}

const readers = new Map<StatusListFormat, ListReader<VerifiedStatusList>>();

/** The reader of one bitstring format's list credentials (made once per format). */
export function statusListReader(format: StatusListFormat): ListReader<VerifiedStatusList> {
  let reader = readers.get(format);
  if (!reader) {
    reader = {
      kind: `${format.name} credential`,
      accept: ACCEPT,
      // A bit list only means something when its issuer signed it.
      allowUnsigned: false,
      read: (document, url) => readStatusList(document, url, format),
    };
    readers.set(format, reader);
  }
  return reader;
}

/** The checks on a list whose signature is good: it is the list at this URL, of the right type, decodable. */
function readStatusList(
  document: Record<string, unknown>,
  url: string,
  format: StatusListFormat,
): StatusListOutcome {
  // A list signed for another URL (another of the issuer's lists, say) must not stand in for this one.
  if (document.id !== url) {
    return invalidList(
      `The status list's id (${String(document.id)}) is not the URL it was fetched from (${url}).`,
    );
  }
  if (!typesOf(document).includes(format.credentialType)) {
    return invalidList(`The status list is not a ${format.credentialType}.`);
  }
  const issuer = issuerIdOf(document);
  if (!issuer) return invalidList('The status list names no issuer.');
  const subject = document.credentialSubject as Record<string, unknown> | undefined;
  if (!subject || typeof subject !== 'object' || Array.isArray(subject)) {
    return invalidList('The status list has no credentialSubject.');
  }
  const subjectTypes = Array.isArray(subject.type) ? subject.type : [subject.type];
  if (!subjectTypes.includes(format.subjectType)) {
    return invalidList(`The status list subject is not a ${format.subjectType}.`);
  }
  if (typeof subject.statusPurpose !== 'string' || typeof subject.encodedList !== 'string') {
    return invalidList('The status list has no statusPurpose or encodedList.');
  }
  let bits: VerifiedStatusList['bits'];
  try {
    bits = decodeStatusList(subject.encodedList, { form: format.encoding });
  } catch (error) {
    return invalidList(`The status list's encodedList cannot be decoded: ${messageOfError(error)}`);
  }
  // StatusList2021 lists in the wild write the purpose capitalised ("Revocation"); it names the same purpose.
  const purpose = format === STATUS_LIST_2021 ? subject.statusPurpose.toLowerCase() : subject.statusPurpose;
  const list: VerifiedStatusList = { url, issuer, purpose, bits };
  // VC 2.0 lists say `validUntil`; VC 1.1 lists (StatusList2021's era) say `expirationDate`.
  const validUntil = Date.parse(String(document.validUntil ?? document.expirationDate ?? ''));
  if (!Number.isNaN(validUntil)) list.validUntil = validUntil;
  return { kind: 'ok', list };
}
