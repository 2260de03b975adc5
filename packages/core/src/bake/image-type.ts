/** The image formats that can carry an Open Badge. */
export type BadgeImageType = 'png' | 'svg';

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

// An SVG's prolog (XML declaration, comments, doctype) is short; looking further would only slow down the
// rejection of large non-image uploads.
const svgSniffBytes = 64 * 1024;

/**
 * Tells a PNG (by its 8-byte signature) or an SVG (UTF-8 text whose root element is `<svg`) apart from other
 * bytes. Only the start of the bytes is read, so this does not prove the image is well formed.
 *
 * @example
 * detectImageType(await readFile('badge.png')); // 'png'
 * detectImageType(new TextEncoder().encode('{"type":"VerifiableCredential"}')); // undefined
 */
export function detectImageType(bytes: Uint8Array): BadgeImageType | undefined {
  if (hasPngSignature(bytes)) return 'png';
  if (hasSvgRoot(bytes)) return 'svg';
  return undefined;
}

/**
 * True when the bytes look like a PNG or SVG image, so a verifier should unbake them instead of reading them as
 * a credential.
 *
 * @example
 * const input = isImage(bytes) ? unbake(bytes)?.payload : new TextDecoder().decode(bytes);
 */
export function isImage(bytes: Uint8Array): boolean {
  return detectImageType(bytes) !== undefined;
}

function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= pngSignature.length && pngSignature.every((byte, index) => bytes[index] === byte);
}

function hasSvgRoot(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, svgSniffBytes));
  const root = findRootElementStart(head);
  return root !== -1 && /^<svg[\s/>]/.test(head.slice(root, root + 5));
}

/**
 * Index of the `<` that opens the root element, skipping a byte order mark, white space, the XML declaration,
 * processing instructions, comments and a doctype (with its internal subset); -1 when anything else comes first.
 */
function findRootElementStart(text: string): number {
  let index = text.startsWith('\uFEFF') ? 1 : 0;
  while (index < text.length) {
    if (/\s/.test(text.charAt(index))) {
      index += 1;
    } else if (text.startsWith('<?', index)) {
      index = endOf(text, '?>', index + 2);
    } else if (text.startsWith('<!--', index)) {
      index = endOf(text, '-->', index + 4);
    } else if (text.startsWith('<!DOCTYPE', index)) {
      index = endOfDoctype(text, index + 9);
    } else {
      return text.charAt(index) === '<' ? index : -1;
    }
    if (index === -1) return -1;
  }
  return -1;
}

function endOf(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

// A doctype ends at the first `>` outside quotes and outside its `[ ... ]` internal subset.
function endOfDoctype(text: string, from: number): number {
  let quote = '';
  let inSubset = false;
  for (let index = from; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[') {
      inSubset = true;
    } else if (char === ']') {
      inSubset = false;
    } else if (char === '>' && !inSubset) {
      return index + 1;
    }
  }
  return -1;
}
