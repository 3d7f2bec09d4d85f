// Lint: typescript-eslint (type-checked), react-hooks, and the import boundaries of DESIGN.md §1.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
];

/**
 * @param {string[]} groups
 * @param {string} why
 * @returns {Record<string, import('eslint').Linter.RuleEntry>}
 */
const forbid = (groups, why) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message: why })) }],
});

export default tseslint.config(
  { ignores: ['out/**', '.tsbuild/**', '.cache/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      // `_name` marks a value dropped on purpose (e.g. omitted by rest destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        ['electron', '**/main/**', '**/preload/**', ...nodeBuiltins],
        'The renderer is DOM-only: talk to main through the Api client.',
      ),
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: forbid(
      ['electron', '**/main/**', '**/preload/**', '**/renderer/**', 'react', ...nodeBuiltins],
      'common/ runs anywhere and imports nothing of ours outside it.',
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: forbid(
      ['**/main/**', '**/renderer/**', ...nodeBuiltins],
      'The sandboxed preload may use only electron and common/.',
    ),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell-electron/**'],
    rules: forbid(
      ['electron', '**/renderer/**', '**/preload/**'],
      'Only main/shell-electron imports electron; main never imports the renderer.',
    ),
  },
  {
    files: ['main/shell-electron/**/*.ts'],
    rules: forbid(['**/renderer/**'], 'main never imports the renderer.'),
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Small files with one purpose: no file over 400 lines, and in the product no function over 80 (blank lines and
  // comments not counted; a test's describe block is a list of cases, not a function to split).
  { rules: { 'max-lines': ['error', { max: 400 }] } },
  {
    files: ['main/**/*.ts', 'common/**/*.ts', 'renderer/**/*.{ts,tsx}', 'preload/**/*.ts', 'scripts/**/*.mjs'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Not split yet — the rest of this work, named in the README's architecture section. Remove a line once done.
    files: [
      'renderer/src/workspaces/incidents/IncidentHistory.tsx',
      'renderer/src/workspaces/incidents/activate/ActivateDialog.tsx',
      'renderer/src/workspaces/incidents/notifications/IncidentNoticeCenter.tsx',
      'renderer/src/workspaces/incidents/notifications/IncidentNotificationList.tsx',
      'renderer/src/workspaces/incidents/notifications/NotifyDialog.tsx',
      'renderer/src/workspaces/incidents/page/IncidentHeader.tsx',
      'renderer/src/workspaces/incidents/page/OrdersCard.tsx',
      'renderer/src/workspaces/incidents/page/ReportsCard.tsx',
      'renderer/src/workspaces/incidents/plans/ChecklistEditor.tsx',
      'renderer/src/workspaces/incidents/plans/IncidentPlansWorkspace.tsx',
      'renderer/src/workspaces/incidents/plans/LevelEditor.tsx',
      'renderer/src/workspaces/incidents/plans/PlanEditor.tsx',
    ],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['tests/unit/scoping-matrix.test.ts', 'tests/unit/open311.test.ts'],
    rules: { 'max-lines': 'off' },
  },
);
