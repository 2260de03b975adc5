import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Tests import workspace packages from source so the suite runs without a prior build.
export default defineConfig({
  resolve: {
    alias: {
      '@skills-passport/schemas': pkg('schemas'),
      '@skills-passport/core': pkg('core'),
      '@skills-passport/store': pkg('store'),
      '@skills-passport/server': pkg('server'),
      '@skills-passport/cli': pkg('cli'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'conformance/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
