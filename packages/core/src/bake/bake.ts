import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { assertImageSize } from './image-limits.js';
import { detectImageType } from './image-type.js';
import { bakePng } from './png.js';
import { bakeSvg } from './svg.js';

// The format-specific bakers are part of the public front too, for callers that already know the format.
export { bakePng, bakeSvg };

/**
 * Bakes an Open Badges 3.0 credential into a PNG or SVG image, chosen from the image's own bytes. The credential
 * is an object (written as JSON, e.g. one with a Data Integrity proof) or a compact JWT (a VC-JOSE credential).
 * Throws `image-unsupported` for other bytes, `image-invalid` for a corrupt or oversized image and
 * `invalid-options` for a credential that is neither an object nor a JWT.
 *
 * @example
 * const credential = await issueCredential(...);
 * await writeFile('badge-baked.png', bake(await readFile('badge.png'), credential));
 */
export function bake(image: Uint8Array, credential: object | string): Uint8Array {
  assertImageSize(image);
  switch (detectImageType(image)) {
    case 'png':
      return bakePng(image, credential);
    case 'svg':
      return bakeSvg(image, credential);
    default:
      throw new PassportError(Codes.imageUnsupported, 'Only PNG and SVG images can carry a badge.');
  }
}
