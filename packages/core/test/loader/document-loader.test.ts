import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledContexts, CLR_CONTEXT_URL, createDocumentLoader } from '../../src/index.js';

// The reference folder sits beside the repository (../shared/reference); a plain clone skips that test visibly.
const REFERENCE_CONTEXTS = new URL('../../../../../shared/reference/contexts/', import.meta.url);
const hasReference = existsSync(REFERENCE_CONTEXTS);
const reference = (name: string) => JSON.parse(readFileSync(new URL(name, REFERENCE_CONTEXTS), 'utf8'));

describe('offline document loader', () => {
  it('bundles every context the toolkit speaks', () => {
    const urls = [...bundledContexts().keys()];
    for (const url of [
      'https://www.w3.org/2018/credentials/v1',
      'https://www.w3.org/ns/credentials/v2',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/suites/ed25519-2020/v1',
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/vc/status-list/2021/v1',
      'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      CLR_CONTEXT_URL,
      'https://skills-passport.org/contexts/v1.json',
    ]) {
      expect(urls).toContain(url);
    }
  });

  it.skipIf(!hasReference)('serves the same text as the published reference copies (../shared)', async () => {
    const load = createDocumentLoader();
    const pairs: Array<[string, string]> = [
      ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'ob-v3p0-context-3.0.3.json'],
      ['https://www.w3.org/ns/credentials/v2', 'credentials-v2.jsonld'],
      ['https://www.w3.org/2018/credentials/v1', '2018-credentials-v1.jsonld'],
      ['https://w3id.org/security/data-integrity/v1', 'data-integrity-v1.jsonld'],
      ['https://www.w3.org/ns/did/v1', 'did-v1.jsonld'],
      [CLR_CONTEXT_URL, 'clr-v2p0-2.0.1.json'],
    ];
    for (const [url, file] of pairs) {
      expect((await load(url)).document, url).toEqual(reference(file));
    }
  });

  it('rejects an unknown remote context with context-unknown and never fetches it', async () => {
    const load = createDocumentLoader();
    await expect(load('https://evil.example/context.json')).rejects.toMatchObject({
      code: 'context-unknown',
    });
  });

  it('refuses DID URLs when no resolver is configured', async () => {
    await expect(createDocumentLoader()('did:key:z6Mkabc')).rejects.toMatchObject({
      code: 'did-method-unsupported',
    });
  });
});
