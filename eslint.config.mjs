// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain is pure: no framework, no adapter, no clock, no randomness (see DESIGN.md).
const domainPurity = {
  files: ['libs/domain/**/*.ts'],
  ignores: ['libs/domain/**/*.spec.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@nestjs/*'], message: 'libs/domain must not depend on NestJS.' },
          { group: ['@kuhina/event-store', '@kuhina/event-store/*', '@kuhina/privacy', '@kuhina/privacy/*', '@kuhina/read-model', '@kuhina/read-model/*', '@kuhina/application', '@kuhina/application/*'], message: 'libs/domain must not depend on adapters or application layers.' },
          { group: ['better-sqlite3', '@kurrent/*', 'mongodb', 'node:*', 'fs', 'crypto', 'path', 'os', 'child_process'], message: 'libs/domain must not do I/O.' },
          { group: ['**/apps/**', '**/libs/event-store/**', '**/libs/privacy/**', '**/libs/read-model/**', '**/libs/application/**'], message: 'libs/domain must not reach into other projects.' },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain reads no clock: time comes with the command.' },
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain reads no clock: time comes with the command.' },
      { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain makes no random values: ids come with the command.' },
      { selector: "CallExpression[callee.name='randomUUID']", message: 'The domain makes no ids: ids come with the command.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  domainPurity,
);
