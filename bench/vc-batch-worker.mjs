// The entry of vc-batch-worker.ts: worker threads do not inherit tsx's loader, so load it through tsx's API (as
// packages/core/src/verify/proof-worker-source.mjs does).
const { tsImport } = await import(import.meta.resolve('tsx/esm/api'));
await tsImport('./vc-batch-worker.ts', import.meta.url);
