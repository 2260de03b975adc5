import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Stable codes the service answers with, beside the verification codes of `@skills-passport/core`. */
export const ServerCodes = {
  requestInvalid: 'request-invalid',
  requestNotJson: 'request-not-json',
  mediaTypeUnsupported: 'media-type-unsupported',
  bodyTooLarge: 'body-too-large',
  rateLimited: 'rate-limited',
  apiKeyMissing: 'api-key-missing',
  apiKeyInvalid: 'api-key-invalid',
  issuerForbidden: 'issuer-forbidden',
  issuerUnknown: 'issuer-unknown',
  credentialUnknown: 'credential-unknown',
  statusPurposeMissing: 'status-purpose-missing',
  statusListUnknown: 'status-list-unknown',
  notFound: 'not-found',
  notReady: 'not-ready',
  storeUnavailable: 'store-unavailable',
  issuingUnavailable: 'issuing-unavailable',
  matchingUnavailable: 'matching-unavailable',
  internalError: 'internal-error',
} as const;

export type ServerCode = (typeof ServerCodes)[keyof typeof ServerCodes];

/** RFC 9457 problem details, with our stable `code` as an extension member. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  /** Extra members, for example the schema errors of a refused credential. */
  [member: string]: unknown;
}

/**
 * Thrown inside a route to answer with problem+json; `app.onError` turns it into the response, so handlers
 * read as straight-line code.
 *
 * @example
 * throw new ProblemError(400, ServerCodes.requestInvalid, 'The body needs a verifiableCredential.');
 */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly extra: Record<string, unknown>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    detail: string,
    extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * Answers with `application/problem+json`. The `type` is a stable URN per code, so clients can branch on it.
 *
 * @example
 * return problem(c, 404, ServerCodes.notFound, 'No such status list.');
 */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Response {
  const body: Problem = {
    type: `urn:skills-passport:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}
