import { defineProject, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/** Component tests: the dashboard's components in happy-dom against a fixture urql client. */
export default mergeConfig(
  viteConfig,
  defineProject({
    // graphql-ws's server (in the client test) loads graphql's CommonJS build; the test must share it, or
    // graphql-js refuses a schema from "another module or realm".
    resolve: { alias: { graphql: 'graphql/index.js' } },
    test: {
      name: 'web',
      root: import.meta.dirname,
      include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
      environment: 'happy-dom',
    },
  }),
);
