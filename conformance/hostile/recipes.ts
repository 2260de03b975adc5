// Builds the hostile cases whose files would be huge (10 MB bodies, 10,000-deep nesting, 100,000-element arrays).
// They start from the corpus's control credentials so every other part of them is valid.
import type { Recipe } from './table.js';

// biome-ignore lint/suspicious/noExplicitAny: hostile documents of any shape are edited freely here.
type Json = Record<string, any>;

export interface RecipeBase {
  /** A valid signed Data Integrity credential (cases/control/di-valid.json). */
  credential: Json;
  /** A valid signed JWT credential (cases/control/jwt-valid.jwt). */
  jwt: string;
}

/**
 * The input a recipe describes, in the form the case hands to `verify`.
 *
 * @example
 * const input = buildRecipe({ recipe: 'deep-array-text', size: 10_000 }, base); // '[[[[…]]]]'
 */
export function buildRecipe(recipe: Recipe, base: RecipeBase): string | object | Uint8Array {
  const { size } = recipe;
  const credential = () => structuredClone(base.credential);
  switch (recipe.recipe) {
    case 'text-bytes': {
      const padding = 'x'.repeat(size);
      return JSON.stringify({ ...base.credential, padding });
    }
    case 'uint8-bytes':
      return new Uint8Array(size).fill(0x20);
    case 'huge-jwt': {
      const [header, , signature] = base.jwt.split('.');
      const payload = Buffer.from(JSON.stringify({ padding: 'x'.repeat(size) })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }
    case 'deep-array-text':
      return `${'['.repeat(size)}${']'.repeat(size)}`;
    case 'deep-object': {
      const document = credential();
      let node: Json = document.credentialSubject;
      for (let i = 0; i < size; i++) {
        node.next = {};
        node = node.next;
      }
      return document;
    }
    case 'deep-jwt-payload': {
      const [header, , signature] = base.jwt.split('.');
      const deep = `{"vc":${'['.repeat(size)}${']'.repeat(size)}}`;
      return `${header}.${Buffer.from(deep).toString('base64url')}.${signature}`;
    }
    case 'wide-array-subject': {
      const document = credential();
      document.credentialSubject.achievement.tag = Array.from({ length: size }, (_, i) => `tag-${i}`);
      return document;
    }
    case 'wide-array-text':
      return JSON.stringify(Array.from({ length: size }, (_, i) => i));
    case 'many-alignments': {
      // Several achievements of at most 500 alignments each: within the list-length limit, over the value limit.
      const document = credential();
      const achievement = document.credentialSubject.achievement;
      const alignment = achievement.alignment[0];
      const lists = Math.ceil(size / 500);
      document.credentialSubject.achievement = Array.from({ length: lists }, (_, list) => ({
        ...achievement,
        id: `${achievement.id}-${list}`,
        alignment: Array.from({ length: Math.min(500, size - list * 500) }, (_, i) => ({
          ...alignment,
          targetCode: `C${list}-${i}`,
        })),
      }));
      return document;
    }
    case 'many-credentials': {
      const enveloped = {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        id: `data:application/vc+jwt,${base.jwt}`,
        type: 'EnvelopedVerifiableCredential',
      };
      return {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: base.credential.credentialSubject.id,
        verifiableCredential: Array.from({ length: size }, () => enveloped),
      };
    }
    case 'long-string-name': {
      const document = credential();
      document.credentialSubject.achievement.name = 'A'.repeat(size);
      return document;
    }
    case 'long-property-name': {
      const document = credential();
      document.credentialSubject['p'.repeat(size)] = true;
      return document;
    }
    case 'many-proofs': {
      const document = credential();
      const proof = Array.isArray(document.proof) ? document.proof[0] : document.proof;
      const bad = { ...proof, proofValue: `${proof.proofValue.slice(0, -4)}AAAA` };
      document.proof = [proof, ...Array.from({ length: size - 1 }, () => ({ ...bad }))];
      return document;
    }
  }
}
