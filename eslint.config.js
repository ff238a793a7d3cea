// typescript-eslint with type-checked rules over the whole tree: the action, the local service, the
// harness, the scripts and the tests.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'scripts/bench/*.mjs', 'scripts/bench/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }]
    }
  },
  {
    // A stranger should be able to read any file in one sitting and any function on one screen.
    files: ['src/**/*.ts', 'emulator/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 50, skipBlankLines: true, skipComments: true, IIFEs: true }]
    }
  },
  {
    // Tests read loosely typed fixtures (GitHub's webhook examples, JSON answers) and use jest's asymmetric
    // matchers, which are typed any; the unsafe-any rules there would flag the fixtures, not the code.
    files: ['__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Fakes implement async ports with answers they already have.
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    // Untrusted text from AWS must not command the runner: src/ logs only through the Log port, which the
    // entries wire through safeLog (src/report/log-text.ts). Only the entries may log through @actions/core.
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts', 'src/post.ts', 'src/step-io.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@actions/core',
              importNames: ['info', 'warning', 'error', 'notice', 'debug', 'setFailed', 'startGroup', 'group', 'issueCommand'],
              message: 'Log through the Log port (safeLog in main.ts/post.ts), not @actions/core.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'stdout lines can be workflow commands: log through the Log port.' },
        { object: 'process', property: 'stderr', message: 'stderr lines can be workflow commands: log through the Log port.' }
      ]
    }
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked]
  }
)
