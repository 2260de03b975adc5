import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { assertImageSize } from './image-limits.js';
import { detectImageType } from './image-type.js';
import { unbakePng } from './png.js';
import { unbakeSvg } from './svg.js';
import type { UnbakedBadge } from './unbaked-badge.js';

/**
 * Reads the badge baked into a PNG or SVG image: an Open Badges 3.0 credential (JSON or compact JWT) or, for
 * badges imported from older platforms, an Open Badges 2.0 assertion (JSON, JWS or hosted URL). The payload is
 * returned as raw text for the verifier to parse. Returns undefined when the image carries no badge; throws
 * `image-unsupported` for bytes that are neither PNG nor SVG and `image-invalid` for a corrupt or oversized image.
 *
 * @example
 * const badge = unbake(await readFile('badge.png'));
 * if (badge?.openBadgesVersion === '3.0') report = await verify(badge.payload);
 */
export function unbake(image: Uint8Array): UnbakedBadge | undefined {
  assertImageSize(image);
  switch (detectImageType(image)) {
    case 'png':
      return unbakePng(image);
    case 'svg':
      return unbakeSvg(image);
    default:
      throw new PassportError(Codes.imageUnsupported, 'Only PNG and SVG images can carry a badge.');
  }
}
