import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';

/**
 * The largest image, in bytes, that baking and unbaking accept. Badge images are small; the limit keeps a
 * hostile upload from making the service copy or parse hundreds of megabytes.
 *
 * @example
 * if (upload.byteLength > maxImageBytes) return tooLarge();
 */
export const maxImageBytes = 20 * 1024 * 1024;

/** Throws `image-invalid` when the image is larger than {@link maxImageBytes}. */
export function assertImageSize(image: Uint8Array): void {
  if (image.byteLength > maxImageBytes) {
    throw new PassportError(
      Codes.imageInvalid,
      `The image is ${image.byteLength} bytes; badge images are limited to ${maxImageBytes} bytes.`,
    );
  }
}
