import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

/** The contract is imported as `@contract` or `@contract/<module>` (tsconfig.json's `paths`). */
const CONTRACT_BY_ALIAS = {
  group: ['**/contract', '**/contract/*'],
  message: 'import the contract as @contract (or @contract/<module>), not by a relative path',
};

/** eslint-plugin-check-file's KEBAB_CASE, and PascalCase; the plugin cannot name two at once. */
const KEBAB_CASE = '+([a-z])*([a-z0-9])*(-+([a-z0-9]))';
const PASCAL_CASE = '+([A-Z])*([a-zA-Z0-9])';

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', '.local', 'node_modules', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CONTRACT_BY_ALIAS] }] },
  },
  {
    // The SPA must never reach into the local stack or the CDK app (design: imports flow one way).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/infra/**'], message: 'src/ must not import from infra/' },
            CONTRACT_BY_ALIAS,
          ],
        },
      ],
    },
  },
  {
    // File names: kebab-case, except a .tsx whose main export is a React component, which is
    // named like it (UsersPage.tsx). Tests follow their subject (UsersPage.test.tsx).
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        {
          '**/*.{ts,mts,cts,js,mjs,cjs}': 'KEBAB_CASE',
          '**/*.tsx': `@(${KEBAB_CASE}|${PASCAL_CASE})`,
        },
        {
          ignoreMiddleExtensions: true,
          errorMessage:
            'The file name "{{ target }}" should be kebab-case, or PascalCase for a .tsx whose main export is a React component (README, Layout)',
        },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{src,infra,e2e,bench,scripts,test-fixtures,bin}/**/': 'KEBAB_CASE' },
      ],
    },
  },
);
