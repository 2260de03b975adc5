// The proof worker's entry when running from TypeScript sources (tests, benchmarks under tsx): worker threads do
// not inherit tsx's loader, so load proof-worker.ts through tsx's API. Built code uses dist/verify/proof-worker.js.
const { tsImport } = await import(import.meta.resolve('tsx/esm/api'));
const worker = await tsImport('./proof-worker.ts', import.meta.url);

export default worker.default;
