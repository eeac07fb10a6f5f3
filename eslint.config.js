import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import jest from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', '.build/', '__tests__/fixtures/', 'examples/']
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { languageOptions: { globals: globals.node } },
  {
    // Units a reader can hold at once; a longer one says why at its top (an eslint-disable
    // comment with its reason).
    files: ['src/**', 'scripts/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }]
    }
  },
  {
    files: ['__tests__/**'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] }
  },
  {
    // One configured zod (src/zod.ts): its locale and jitless mode hold for every schema.
    files: ['src/**', '__tests__/**', 'scripts/**'],
    ignores: ['src/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^zod(/|$)', message: 'Import zod from src/zod.ts.' }] }
      ]
    }
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  { files: ['__tests__/**'], ...jest.configs['flat/recommended'] },
  { files: ['__tests__/**'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    // The sandbox child program: plain CommonJS, run as it is in a child process.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off'
    }
  },
  prettier
)
