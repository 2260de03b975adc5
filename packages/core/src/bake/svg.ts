import { SaxesParser, type SaxesTagNS } from 'saxes';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { type BakedCredential, toBakedCredential } from './baked-credential.js';
import { assertImageSize } from './image-limits.js';
import { detectImageType } from './image-type.js';
import type { UnbakedBadge } from './unbaked-badge.js';

/** Namespace of the Open Badges 3.0 `<openbadges:credential>` element. */
const credentialNamespace = 'https://purl.imsglobal.org/ob/v3p0';
/** Namespaces seen on the Open Badges 2.0 `<openbadges:assertion>` element (the spec's, and common variants). */
const assertionNamespaces = new Set([
  'http://openbadges.org',
  'https://openbadges.org',
  'http://openbadges.org/',
]);
// Some bakers use the `openbadges:` prefix without declaring it; reading such badges is better than failing.
const undeclaredNamespace = 'urn:skills-passport:undeclared-openbadges-prefix';

/** A badge element found while parsing, with its place in the text so baking can remove it. */
interface BadgeElement {
  openBadgesVersion: '3.0' | '2.0';
  start: number;
  end: number;
  payload: string;
}

/** What baking and unbaking need to know about an SVG document. */
interface SvgOutline {
  rootName: string;
  /** Index just after the root start tag's closing `>` (or `/>`). */
  rootStartTagEnd: number;
  rootSelfClosing: boolean;
  /** The namespace the `openbadges` prefix has on the root element, if it is declared there. */
  rootOpenBadgesNamespace: string | undefined;
  badges: BadgeElement[];
}

/**
 * Bakes a credential into an SVG: declares `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` on the root
 * `<svg>` and adds `<openbadges:credential>` as its first child, holding the JSON in CDATA or a JWT in a
 * `verify` attribute. An existing Open Badges 3.0 credential element is replaced; the rest of the text is kept
 * as it was. Accepts and returns UTF-8.
 *
 * @example
 * const baked = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', jwt);
 * new TextDecoder().decode(baked); // '<svg ... xmlns:openbadges="..."><openbadges:credential verify="eyJ...
 */
export function bakeSvg(image: Uint8Array | string, credential: object | string): Uint8Array {
  const baked = toBakedCredential(credential);
  const text = readSvgText(typeof image === 'string' ? new TextEncoder().encode(image) : image);
  const outline = outlineSvg(text);
  const declared = outline.rootOpenBadgesNamespace;
  // A prefix already bound to another namespace (an Open Badges 2.0 badge) is re-bound on the element alone.
  const elementDeclaration =
    declared !== undefined && declared !== credentialNamespace
      ? ` xmlns:openbadges="${credentialNamespace}"`
      : '';
  const rootDeclaration = declared === undefined ? ` xmlns:openbadges="${credentialNamespace}"` : '';
  const element = credentialElement(baked, elementDeclaration);

  const closing = outline.rootSelfClosing ? 2 : 1;
  const head = text.slice(0, outline.rootStartTagEnd - closing) + rootDeclaration;
  const rest = withoutElements(
    text,
    outline.rootStartTagEnd,
    outline.badges.filter((badge) => badge.openBadgesVersion === '3.0'),
  );
  const output = outline.rootSelfClosing
    ? `${head}>${element}</${outline.rootName}>${rest}`
    : `${head}>${element}${rest}`;
  return new TextEncoder().encode(output);
}

/**
 * Reads the badge out of an SVG: an Open Badges 3.0 `<openbadges:credential>` element, or else an Open Badges 2.0
 * `<openbadges:assertion>`, taking its `verify` attribute or its text/CDATA content. Elements are matched by
 * namespace, so any prefix works. Returns undefined when there is none; throws `image-invalid` for text that is
 * not well-formed XML and `image-unsupported` for bytes that are not an SVG.
 *
 * @example
 * unbakeSvg(bakeSvg(svg, jwt)); // { imageType: 'svg', openBadgesVersion: '3.0', payload: jwt }
 */
export function unbakeSvg(image: Uint8Array): UnbakedBadge | undefined {
  const { badges } = outlineSvg(readSvgText(image));
  const credentials = badges.filter((badge) => badge.openBadgesVersion === '3.0' && badge.payload);
  if (credentials.length > 1) {
    // The spec allows one; with two, different tools could show different credentials for the same image.
    throw new PassportError(
      Codes.imageInvalid,
      'The SVG carries more than one openbadges:credential element.',
    );
  }
  const found = credentials[0] ?? badges.find((badge) => badge.openBadgesVersion === '2.0' && badge.payload);
  return found && { imageType: 'svg', openBadgesVersion: found.openBadgesVersion, payload: found.payload };
}

function readSvgText(image: Uint8Array): string {
  assertImageSize(image);
  if (detectImageType(image) !== 'svg') {
    throw new PassportError(Codes.imageUnsupported, 'The bytes are not an SVG image.');
  }
  try {
    // ignoreBOM keeps a byte order mark in the text, so a baked file differs from its source only by the badge.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(image);
  } catch (error) {
    throw new PassportError(Codes.imageInvalid, 'The SVG is not valid UTF-8.', error);
  }
}

function outlineSvg(text: string): SvgOutline {
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    resolvePrefix: (prefix: string) => (prefix === 'openbadges' ? undeclaredNamespace : undefined),
  });
  let outline: SvgOutline | undefined;
  let depth = 0;
  let current: (BadgeElement & { depth: number; verify: string | undefined }) | undefined;

  parser.on('opentag', (tag: SaxesTagNS) => {
    depth += 1;
    if (depth === 1) {
      outline = {
        rootName: tag.name,
        rootStartTagEnd: parser.position,
        rootSelfClosing: tag.isSelfClosing,
        rootOpenBadgesNamespace: tag.ns.openbadges,
        badges: [],
      };
    }
    const openBadgesVersion = badgeVersionOf(tag);
    if (openBadgesVersion && !current) {
      // `<` cannot occur inside a start tag, so the last `<name` before the tag's end is where it begins.
      const start = text.lastIndexOf(`<${tag.name}`, parser.position);
      current = {
        openBadgesVersion,
        start,
        end: start,
        payload: '',
        depth,
        verify: tag.attributes.verify?.value,
      };
    }
  });
  const collect = (content: string) => {
    if (current && depth === current.depth) current.payload += content;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', () => {
    if (current && depth === current.depth) {
      const verify = current.verify?.trim();
      outline?.badges.push({
        openBadgesVersion: current.openBadgesVersion,
        start: current.start,
        end: parser.position,
        payload: verify || current.payload.trim(),
      });
      current = undefined;
    }
    depth -= 1;
  });

  try {
    parser.write(text).close();
  } catch (error) {
    throw new PassportError(
      Codes.imageInvalid,
      `The SVG is not well-formed XML: ${(error as Error).message}`,
      error,
    );
  }
  if (!outline) throw new PassportError(Codes.imageInvalid, 'The SVG has no root element.');
  return outline;
}

function badgeVersionOf(tag: SaxesTagNS): '3.0' | '2.0' | undefined {
  const undeclared = tag.uri === undeclaredNamespace;
  if (tag.local === 'credential' && (undeclared || tag.uri.replace(/\/$/, '') === credentialNamespace)) {
    return '3.0';
  }
  if (tag.local === 'assertion' && (undeclared || assertionNamespaces.has(tag.uri))) return '2.0';
  return undefined;
}

function credentialElement(baked: BakedCredential, namespaceDeclaration: string): string {
  const name = 'openbadges:credential';
  if (baked.form === 'jwt') {
    return `<${name}${namespaceDeclaration} verify="${escapeAttribute(baked.text)}"></${name}>`;
  }
  // `]]>` would end the CDATA section early, so it is split across two sections.
  const cdata = baked.text.replaceAll(']]>', ']]]]><![CDATA[>');
  return `<${name}${namespaceDeclaration}><![CDATA[${cdata}]]></${name}>`;
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The text from `from` to the end, with the given elements cut out. */
function withoutElements(text: string, from: number, elements: BadgeElement[]): string {
  let result = '';
  let cursor = from;
  for (const element of [...elements].sort((a, b) => a.start - b.start)) {
    result += text.slice(cursor, element.start);
    cursor = element.end;
  }
  return result + text.slice(cursor);
}
