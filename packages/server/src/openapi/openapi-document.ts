/** A JSON object of the OpenAPI document (kept loose: it is data, written by hand). */
export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, unknown>;
};

export interface OpenApiOperation {
  summary: string;
  description?: string;
  tags: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: unknown; headers?: unknown }>;
}

const json = (schema: object) => ({ 'application/json': { schema } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const report = (description: string) => ({
  description,
  content: json({ $ref: '#/components/schemas/VerificationReport' }),
});
const apiKey = [{ apiKey: [] }];
const verifyOptions = {
  type: 'object',
  properties: {
    challenge: {
      type: 'string',
      description: 'The challenge the presentation must be bound to (from POST /challenges).',
    },
    domain: { type: 'string', description: 'The domain the presentation must be bound to.' },
    checks: {
      type: 'array',
      items: { type: 'string' },
      description: 'Accepted for VC-API compatibility; every check always runs.',
    },
  },
};
/** Both verify routes also take the identity an Open Badges credential should have been issued to. */
const credentialVerifyOptions = {
  type: 'object',
  properties: {
    ...verifyOptions.properties,
    recipient: {
      description:
        'The identity the credential should have been issued to: an email or URL, or { identity, type }. Checked ' +
        'against the Open Badges recipient (hashed sha256$/md5$ with its salt, or plain; emails case-insensitively) ' +
        'and reported as the recipient check: pass, fail (recipient-mismatch), or skip when absent.',
      oneOf: [
        { type: 'string', examples: ['sam.taylor@example.org'] },
        {
          type: 'object',
          required: ['identity'],
          properties: {
            identity: { type: 'string' },
            type: { type: 'string', description: 'OB 2.0 identity type: email, url or telephone' },
          },
        },
      ],
    },
  },
};
const credentialOrJwt = {
  oneOf: [
    {
      type: 'object',
      description: 'A JSON-LD credential with a Data Integrity proof (or an Open Badges 2.0 assertion)',
    },
    {
      type: 'string',
      description: 'A compact JWT (VC-JOSE); for credentials also an OB 2.0 JWS or hosted assertion URL',
    },
  ],
};

/**
 * The hand-written OpenAPI 3.1 description of every route, served at `/openapi.json` and rendered at `/docs`.
 *
 * @example
 * c.json(openApiDocument('https://verify.example.org'));
 */
export function openApiDocument(publicUrl: string): OpenApiDocument {
  const document = describe(publicUrl);
  // Every POST may meet the per-client rate limit when the deployment turns it on.
  for (const methods of Object.values(document.paths)) {
    if (methods.post)
      methods.post.responses['429'] = problem(
        'Too many requests from this client (Retry-After says when to retry).',
      );
  }
  return document;
}

function describe(publicUrl: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Skills Passport service',
      version: '0.1.0',
      description:
        'Verify Open Badges 3.0 credentials and skills passports, issue and revoke credentials, publish status lists ' +
        'and issuer DID documents. Request and response shapes follow the W3C VC-API where it defines them.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: publicUrl }],
    paths: {
      '/credentials/verify': {
        post: {
          summary: 'Verify a credential',
          description:
            'Body: { verifiableCredential, options } (W3C VC-API), or a compact JWT as text/plain. verifiableCredential ' +
            'may also be an Open Badges 2.0 assertion (JSON, a signed JWS, or its hosted https URL); ' +
            'options.recipient checks who the badge was issued to.',
          tags: ['Verify'],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['verifiableCredential'],
                  properties: { verifiableCredential: credentialOrJwt, options: credentialVerifyOptions },
                },
              },
              'text/plain': { schema: { type: 'string', description: 'A compact JWT' } },
            },
          },
          responses: {
            '200': report('Verified: the report, with every check.'),
            '400': problem('Malformed request (not JSON, no verifiableCredential).'),
            '413': problem('Body larger than the limit.'),
            '415': problem('Unsupported content type.'),
            '422': report('Checked and not verified: the same report, with the failing checks.'),
          },
        },
      },
      '/presentations/verify': {
        post: {
          summary: 'Verify a presentation (skills passport)',
          description:
            'Body: { verifiablePresentation, options: { challenge, domain, recipient? } }. The challenge is used up: a replay fails with challenge-reused. ' +
            'options.recipient is checked on the Open Badges 2.0 badges the presentation carries as evidence (holder-not-bound).',
          tags: ['Verify'],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['verifiablePresentation'],
                  properties: { verifiablePresentation: credentialOrJwt, options: credentialVerifyOptions },
                },
              },
              'text/plain': { schema: { type: 'string', description: 'A compact JWT' } },
            },
          },
          responses: {
            '200': report('Verified.'),
            '400': problem('Malformed request.'),
            '413': problem('Body larger than the limit.'),
            '422': report('Checked and not verified.'),
          },
        },
      },
      '/challenges': {
        post: {
          summary: 'Create a one-time challenge',
          description:
            'Optional body { domain }. The challenge expires after a few minutes and can be used once, on any instance.',
          tags: ['Verify'],
          requestBody: {
            required: false,
            content: json({ type: 'object', properties: { domain: { type: 'string' } } }),
          },
          responses: {
            '200': {
              description: 'The challenge.',
              content: json({
                type: 'object',
                properties: {
                  challenge: { type: 'string' },
                  expires: { type: 'string', format: 'date-time' },
                  domain: { type: 'string' },
                },
              }),
            },
            '400': problem('Malformed request.'),
          },
        },
      },
      '/passport/match': {
        post: {
          summary: 'Verify a passport and match it against job requirements',
          description:
            'Body: { verifiablePresentation, requirements, options: { challenge, domain } }. Only verified credentials count.',
          tags: ['Verify'],
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['verifiablePresentation', 'requirements'],
              properties: {
                verifiablePresentation: credentialOrJwt,
                requirements: { type: 'object' },
                options: verifyOptions,
              },
            }),
          },
          responses: {
            '200': { description: 'Verified: { report, match }.', content: json({ type: 'object' }) },
            '400': problem('Malformed request or requirements.'),
            '422': {
              description: 'Not verified: { report, match } (nothing matched from unverified credentials).',
              content: json({ type: 'object' }),
            },
            '503': problem('Matching is not configured.'),
          },
        },
      },
      '/credentials/issue': {
        post: {
          summary: 'Issue a credential',
          description:
            "Signs the credential as the API key's issuer, adding id, issuer, validFrom and a revocation status entry.",
          tags: ['Issue'],
          security: apiKey,
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['credential'],
              properties: {
                credential: { type: 'object', description: 'An unsigned Open Badges 3.0 credential' },
                options: {
                  type: 'object',
                  properties: {
                    format: { enum: ['di', 'jwt'], default: 'di' },
                    issuerId: { type: 'string', description: "Must be the API key's issuer when given." },
                    suspendable: { type: 'boolean', description: 'Also add a suspension status entry.' },
                    mandatoryPointers: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            }),
          },
          responses: {
            '201': {
              description: 'Issued.',
              content: json({ type: 'object', properties: { verifiableCredential: credentialOrJwt } }),
            },
            '400': problem(
              'Malformed request, or the credential fails its schema (code invalid-credential).',
            ),
            '401': problem('Missing or wrong API key.'),
            '403': problem('The key belongs to another issuer.'),
            '413': problem('Body larger than the limit.'),
          },
        },
      },
      '/credentials/status': {
        post: {
          summary: 'Revoke, suspend or unsuspend a credential',
          description:
            'Body: { credentialId, action } or (VC-API) { credentialId, credentialStatus: [{ type, status }] }. Durable before it answers.',
          tags: ['Issue'],
          security: apiKey,
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['credentialId'],
              properties: {
                credentialId: { type: 'string' },
                action: { enum: ['revoke', 'suspend', 'unsuspend'] },
                credentialStatus: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      type: { type: 'string' },
                      status: { enum: ['revoked', 'suspended', 'active'] },
                    },
                  },
                },
              },
            }),
          },
          responses: {
            '200': {
              description: 'The credential status now.',
              content: json({
                type: 'object',
                properties: {
                  credentialId: { type: 'string' },
                  revoked: { type: 'boolean' },
                  suspended: { type: 'boolean' },
                  changed: { type: 'boolean' },
                },
              }),
            },
            '400': problem('Malformed request.'),
            '401': problem('Missing or wrong API key.'),
            '403': problem('The credential belongs to another issuer.'),
            '404': problem('No such credential was issued here.'),
            '409': problem(
              'The credential has no entry for that purpose (e.g. suspending one issued without suspension).',
            ),
          },
        },
      },
      '/status/{listId}': {
        get: {
          summary: 'A status list credential',
          description:
            'The signed BitstringStatusListCredential. Send If-None-Match with the ETag to get 304 while unchanged.',
          tags: ['Publish'],
          parameters: [{ name: 'listId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The list credential.',
              headers: {
                ETag: { schema: { type: 'string' } },
                'Cache-Control': { schema: { type: 'string' } },
              },
              content: json({ type: 'object' }),
            },
            '304': { description: 'Not modified.' },
            '404': problem('No such list.'),
          },
        },
      },
      '/.well-known/did.json': {
        get: {
          summary: "The did:web document of this host's issuer",
          description: 'Also served at /<path>/did.json for did:web:<host>:<path> issuers.',
          tags: ['Publish'],
          responses: {
            '200': {
              description: 'The DID document.',
              content: { 'application/did+json': { schema: { type: 'object' } } },
            },
            '404': problem('No did:web issuer at this path.'),
          },
        },
      },
      '/issuers/{id}': {
        get: {
          summary: "An issuer's public profile",
          tags: ['Publish'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The Open Badges issuer Profile.', content: json({ type: 'object' }) },
            '404': problem('No such issuer.'),
          },
        },
      },
      '/': {
        get: {
          summary: "The employer's verification page",
          tags: ['Page'],
          parameters: [
            {
              name: 'vp',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'A url-encoded credential or passport to verify at once (share link).',
            },
          ],
          responses: { '200': { description: 'HTML.' } },
        },
      },
      '/verify-page': {
        post: {
          summary: "The page's form target (multipart: credential text or file)",
          tags: ['Page'],
          responses: {
            '200': { description: 'HTML with the verdict.' },
            '400': { description: 'HTML: nothing was sent.' },
            '413': problem('Body larger than the limit.'),
          },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          tags: ['Operations'],
          responses: { '200': { description: 'OpenAPI 3.1.' } },
        },
      },
      '/docs': {
        get: {
          summary: 'The API reference, rendered',
          tags: ['Operations'],
          responses: { '200': { description: 'HTML.' } },
        },
      },
      '/health': {
        get: {
          summary: 'Liveness',
          tags: ['Operations'],
          responses: { '200': { description: '{ status: "ok" }' } },
        },
      },
      '/ready': {
        get: {
          summary: 'Readiness (the store answers)',
          tags: ['Operations'],
          responses: {
            '200': { description: '{ status: "ready" }' },
            '503': problem('The store does not answer.'),
          },
        },
      },
      '/insights': {
        get: {
          summary: 'Anonymised skills-supply insights (partnership members)',
          description:
            'Credentials issued and not revoked, by skill, level, kind, provider, area and month, for an area and a ' +
            'month range. Every figure covers at least k learners (default 10, never below 5) or is reported as ' +
            'suppressed with no number; see docs/insights.md. Needs a partner key (SKILLS_PASSPORT_PARTNER_KEYS).',
          tags: ['Insights'],
          security: [{ partnerKey: [] }],
          parameters: [
            {
              name: 'area',
              in: 'query',
              schema: { type: 'string' },
              description: 'Area code; all areas when absent.',
            },
            {
              name: 'from',
              in: 'query',
              required: true,
              schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
            },
            {
              name: 'to',
              in: 'query',
              required: true,
              schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
            },
            {
              name: 'k',
              in: 'query',
              schema: { type: 'integer', minimum: 5 },
              description: 'At least the service minimum.',
            },
          ],
          responses: {
            '200': {
              description: 'The insights report.',
              content: json({ $ref: '#/components/schemas/InsightsReport' }),
            },
            '400': problem('Bad months (insights-period-invalid) or k too small (insights-k-too-small).'),
            '401': problem('No or wrong partner key (api-key-missing, api-key-invalid).'),
            '503': problem('No partner keys configured (insights-unavailable).'),
          },
        },
      },
      '/insights/page': {
        get: {
          summary: 'Insights as an HTML page with SVG charts',
          description:
            'The same report with a bar chart of the top skill gaps and the monthly trend, rendered on the server ' +
            '(no script). A browser asks for the partner key with HTTP Basic (any user name, the key as password).',
          tags: ['Insights'],
          security: [{ partnerKey: [] }, { partnerBasic: [] }],
          parameters: [
            { name: 'area', in: 'query', schema: { type: 'string' } },
            {
              name: 'from',
              in: 'query',
              schema: { type: 'string' },
              description: 'Default: January this year.',
            },
            {
              name: 'to',
              in: 'query',
              schema: { type: 'string' },
              description: 'Default: December this year.',
            },
          ],
          responses: {
            '200': { description: 'The page (text/html).' },
            '400': problem('Bad months or k.'),
            '401': problem('No or wrong partner key.'),
            '503': problem('No partner keys configured.'),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        partnerKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Partnership member key (SKILLS_PASSPORT_PARTNER_KEYS), for /insights.',
        },
        partnerBasic: {
          type: 'http',
          scheme: 'basic',
          description: 'The partnership key as the HTTP Basic password (for browsers), for /insights/page.',
        },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Per-issuer API key (SKILLS_PASSPORT_API_KEYS).',
        },
      },
      schemas: {
        InsightsReport: {
          type: 'object',
          description: 'Counts only; suppressed figures have credentials: null. See docs/insights.md.',
          properties: {
            query: { type: 'object' },
            method: { const: 'k-threshold-with-complementary-suppression' },
            total: { $ref: '#/components/schemas/InsightCell' },
            months: { type: 'array', items: { $ref: '#/components/schemas/InsightCell' } },
            bySkill: { type: 'array', items: { $ref: '#/components/schemas/InsightCell' } },
            byLevel: { type: 'array', items: { $ref: '#/components/schemas/InsightCell' } },
            byKind: { type: 'array', items: { $ref: '#/components/schemas/InsightCell' } },
            byProvider: { type: 'array', items: { $ref: '#/components/schemas/InsightCell' } },
            byArea: { type: 'array', items: { $ref: '#/components/schemas/InsightCell' } },
            demand: { type: 'object', description: 'Openings per skill against supply, when configured.' },
          },
        },
        InsightCell: {
          type: 'object',
          properties: {
            key: { type: 'string' },
            credentials: { type: ['integer', 'null'] },
            status: { enum: ['published', 'partial', 'suppressed'] },
            suppressedCells: { type: 'integer' },
          },
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details with a stable code.',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
          },
        },
        VerificationReport: {
          type: 'object',
          properties: {
            verified: { type: 'boolean' },
            kind: { enum: ['credential', 'presentation'] },
            checks: { type: 'array', items: { $ref: '#/components/schemas/Check' } },
            credentials: { type: 'array', items: { type: 'object' } },
            holder: { type: 'string' },
          },
        },
        Check: {
          type: 'object',
          properties: {
            check: { type: 'string' },
            outcome: { enum: ['pass', 'fail', 'warn', 'skip'] },
            code: { type: 'string', description: 'Stable code, see docs/verification-codes.md' },
            message: { type: 'string' },
          },
        },
      },
    },
  };
}
