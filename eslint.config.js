import tseslint from 'typescript-eslint';

/**
 * ESLint guards boundaries only (Prettier handles style, TypeScript strict handles correctness):
 * web never imports server code, subgraphs never import each other, services never import ops (the demo
 * generator, seed and import) at runtime, only env.ts reads process.env.
 */
const SUBGRAPHS = ['chat', 'memory', 'kpi', 'project', 'sales'];
/** Runtime code of a service (not its tests, which may seed the demo company). */
const RUNTIME_TESTS = ['**/*.test.ts'];
const importsOps = {
  group: ['@sophia/ops', '@sophia/ops/*', '**/ops/src/**'],
  message:
    'Services never import ops at runtime: domain rules live in @sophia/domain, shared runtime in the kit.',
};
const otherSubgraphs = (name) =>
  SUBGRAPHS.filter((other) => other !== name).map((other) => ({
    group: [`@sophia/${other}`, `**/subgraphs/${other}/**`, `../../${other}/**`],
    message: 'Subgraphs never import each other; share code through subgraphs/kit.',
  }));
const readsEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Only env.ts reads process.env; take configuration from the typed config instead.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/__generated__/**', '.data/**', '**/dist/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'no-restricted-syntax': ['error', readsEnv] },
  },
  {
    // Tests, the launcher (which passes the environment on to the processes it starts) and env.ts may.
    files: ['**/env.ts', '**/*.test.ts', 'tests/**', 'ops/src/launcher/service-process.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  ...SUBGRAPHS.map((name) => ({
    files: [`subgraphs/${name}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: otherSubgraphs(name) }] },
  })),
  ...SUBGRAPHS.map((name) => ({
    files: [`subgraphs/${name}/src/**/*.ts`],
    ignores: RUNTIME_TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [...otherSubgraphs(name), importsOps] }] },
  })),
  {
    files: ['subgraphs/kit/src/**/*.ts', 'subgraphs/domain/src/**/*.ts', 'gateway/src/**/*.ts'],
    ignores: RUNTIME_TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [importsOps] }] },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@sophia/*', '**/subgraphs/**', '**/gateway/**', '**/ops/**'],
              message: 'The dashboard talks to the API, never to server code.',
            },
          ],
        },
      ],
    },
  },
);
