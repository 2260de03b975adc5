import QRCode from 'qrcode';
import { CliCodes, CliError } from './cli-error.js';

/**
 * The most a QR code can carry: 2,953 bytes (version 40, error correction L). Most presentations are bigger
 * (one JWT micro-module credential in a JWT presentation is about 3 KB); share the file or the link instead.
 */
export const QR_MAX_BYTES = 2953;

/**
 * A link that carries the presentation. With a server: `<server>/#vp=<url-encoded presentation>`, which the
 * server's employer page (packages/server) opens and verifies; the fragment never reaches the server's logs
 * (the page posts it). Without one: a `data:` URL.
 *
 * @example
 * shareLink('eyJ…', 'https://verify.example'); // 'https://verify.example/#vp=eyJ…'
 */
export function shareLink(presentation: Record<string, unknown> | string, server?: string): string {
  const text = typeof presentation === 'string' ? presentation : JSON.stringify(presentation);
  if (server) return `${server.replace(/\/+$/, '')}/#vp=${encodeURIComponent(text)}`;
  return typeof presentation === 'string'
    ? `data:application/vp+jwt,${presentation}`
    : `data:application/vp+ld+json;base64,${Buffer.from(text).toString('base64')}`;
}

/**
 * The link as a QR code drawn with text characters for a terminal; `qr-too-large` beyond {@link QR_MAX_BYTES}.
 *
 * @example
 * io.stdout.write(await terminalQr(shareLink(vp, 'https://verify.example')));
 */
export async function terminalQr(link: string): Promise<string> {
  const bytes = Buffer.byteLength(link, 'utf8');
  if (bytes > QR_MAX_BYTES) {
    throw new CliError(
      CliCodes.qrTooLarge,
      `The share link is ${bytes} bytes; a QR code holds at most ${QR_MAX_BYTES}. Share the file instead, ` +
        'or present fewer credentials with --format jwt.',
    );
  }
  return QRCode.toString(link, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}
