// @skills-passport/server: the Hono app (VC-API routes, status lists, DID documents, the employer's page).

export { ApiKeyRing } from './api-keys.js';
export { createApp, DEFAULT_MAX_BODY_BYTES } from './app.js';
export type {
  AppDeps,
  IssuerProfileView,
  IssuerServicePort,
  MatchRequirementsPort,
  RequestLogEntry,
} from './app-deps.js';
export { type AssembledService, assembleService, DEMO_ISSUER_ID } from './assemble-service.js';
export { ENV, loadConfig, type ServerConfig } from './config.js';
export { loadDemandProfiles, type ReadJson, readDemandProfile } from './demand-profiles.js';
export { openApiDocument } from './openapi/openapi-document.js';
export { type Problem, ProblemError, problem, type ServerCode, ServerCodes } from './problem.js';
export { type InsightsDeps, InsightsRouteCodes, insightsRoutes } from './routes/insights.js';
export { createSelfFetch, type InProcessRequest } from './self-fetch.js';
export { createServiceVerifier, type ServiceVerifierOptions } from './service-verifier.js';
export {
  HOST_ENV,
  internalErrorLine,
  type RunningService,
  SHUTDOWN_GRACE_MS,
  type StartServiceOptions,
  startService,
} from './start-service.js';
export { isStoreUnavailable } from './store-unavailable.js';
