import tseslint from 'typescript-eslint';

/**
 * ESLint guards boundaries only (Prettier handles style, TypeScript strict handles correctness):
 * web never imports server code, subgraphs never import each other, only env.ts reads process.env.
 */
const SUBGRAPHS = ['chat', 'memory', 'kpi', 'project', 'sales'];
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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: SUBGRAPHS.filter((other) => other !== name).flatMap((other) => [
            {
              group: [`@sophia/${other}`, `**/subgraphs/${other}/**`, `../../${other}/**`],
              message: 'Subgraphs never import each other; share code through subgraphs/kit.',
            },
          ]),
        },
      ],
    },
  })),
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
