import { describe, expect, it } from 'vitest';
import { QR_MAX_BYTES, shareLink, terminalQr } from '../src/share-link.js';

describe('share links and QR codes', () => {
  it("puts the presentation in the server page's #vp= fragment, url-encoded", () => {
    expect(shareLink('eyJa.eyJb.c', 'https://verify.example/')).toBe(
      'https://verify.example/#vp=eyJa.eyJb.c',
    );
    const link = shareLink({ type: ['VerifiablePresentation'] }, 'https://verify.example');
    const value = new URL(link).hash.replace(/^#vp=/, '');
    expect(JSON.parse(decodeURIComponent(value))).toEqual({ type: ['VerifiablePresentation'] });
  });

  it('falls back to a data: URL without a server', () => {
    expect(shareLink('eyJa.eyJb.c')).toBe('data:application/vp+jwt,eyJa.eyJb.c');
  });

  it('draws a link that fits as terminal QR characters and refuses one that does not', async () => {
    expect(await terminalQr('https://verify.example/#vp=eyJa.eyJb.c')).toMatch(/[▀▄█]/);
    await expect(terminalQr(`https://verify.example/#vp=${'a'.repeat(QR_MAX_BYTES)}`)).rejects.toMatchObject({
      code: 'qr-too-large',
      exitCode: 2,
    });
  });
});
