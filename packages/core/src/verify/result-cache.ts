import { createHash } from 'node:crypto';
import type { CheckResult } from './report.js';

export interface ResultCacheOptions {
  /** Most results kept; the oldest goes first (default 10,000). `0` turns the cache off. */
  maxEntries?: number;
}

/**
 * Remembers the outcome of the checks that depend only on a credential's exact content and its signer's key: the
 * proof (Data Integrity canonicalization is most of the cost of a verification) and the schema. Validity dates,
 * status and issuer trust are never cached: they change with time and policy, so they are checked every time.
 * Keys are SHA-256 digests of the exact content plus the resolved key material, so a changed byte or a rotated
 * key is a miss, never a stale answer.
 *
 * @example
 * const cache = createResultCache({ maxEntries: 5000 });
 * const check = await cache.remember(cache.keyOf('schema', jwt), () => checkSchema(credential));
 */
export interface ResultCache {
  /** False when made with `maxEntries: 0`: nothing seen is remembered, here or anywhere the verifier asks. */
  readonly keeps: boolean;
  keyOf(...parts: unknown[]): string;
  remember<T extends CheckResult | { check: CheckResult }>(
    key: string,
    compute: () => T | Promise<T>,
  ): Promise<T>;
}

export function createResultCache(options: ResultCacheOptions = {}): ResultCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, unknown>();
  return {
    keeps: maxEntries > 0,
    keyOf: (...parts) =>
      createHash('sha256')
        .update(parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join('\u0000'))
        .digest('base64url'),
    async remember(key, compute) {
      // A copy, so a caller changing its report cannot change what the next caller is told.
      if (entries.has(key)) return structuredClone(entries.get(key)) as Awaited<ReturnType<typeof compute>>;
      const value = await compute();
      if (maxEntries > 0) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, structuredClone(value));
      }
      return value;
    },
  };
}
