import { type Code, Codes } from '../codes.js';

const KNOWN_CODES = new Set<string>(Object.values(Codes));

/**
 * The stable code carried by an error thrown inside a library call (our loader, resolver and safe fetch throw
 * errors with a `code`; jsonld wraps them as `cause`/`details`), or the fallback when there is none.
 */
export function codeOfError(error: unknown, fallback: Code): Code {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) return code as Code;
    const details = (current as { details?: unknown }).details;
    queue.push(
      (current as { cause?: unknown }).cause,
      details,
      (details as { cause?: unknown } | undefined)?.cause,
      ...((current as { errors?: unknown[] }).errors ?? []),
    );
  }
  return fallback;
}

/** The innermost human message of a wrapped error, for the report's plain-English line. */
export function messageOfError(error: unknown): string {
  let current = error as { message?: string; cause?: unknown; details?: { cause?: unknown } } | undefined;
  let message = current?.message ?? String(error);
  for (let hops = 0; current && hops < 5; hops++) {
    const next = (current.cause ?? current.details?.cause) as typeof current;
    if (!next?.message) break;
    message = next.message;
    current = next;
  }
  return message;
}
