// Lint: typescript-eslint (type-checked), react-hooks, and the import boundaries of DESIGN.md §1.
import js from '@eslint/js';
import path from 'node:path';
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

/** The workspace a renderer file belongs to (`renderer/src/workspaces/<name>/…`), or undefined. */
const workspaceOf = (/** @type {string} */ file) => /(?:^|\/)renderer\/src\/workspaces\/([^/]+)\//.exec(file)?.[1];

/**
 * One home per domain: a workspace imports no other workspace's files. What two rooms share lives in its domain's
 * home (`renderer/src/orders/`, `renderer/src/incidents/`, `renderer/src/org/` …) or in `components/`. The import is
 * resolved against the importing file, so `../../admin/x` and `../../../workspaces/admin/x` are caught alike.
 * @type {import('eslint').ESLint.Plugin}
 */
const rooms = {
  rules: {
    'no-cross-workspace': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          cross:
            "The {{from}} workspace imports the {{to}} workspace's files: move what both use to its domain's home " +
            '(renderer/src/<domain>/) or to components/.',
        },
      },
      create(context) {
        const file = context.filename.replaceAll('\\', '/');
        const own = workspaceOf(file);
        if (own === undefined) return {};
        /** @param {{ source?: import('estree').Node | null }} node */
        const check = (node) => {
          const source = node.source;
          if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
          const other = workspaceOf(`${path.posix.join(path.posix.dirname(file), source.value)}/`);
          if (other !== undefined && other !== own) {
            context.report({ node: source, messageId: 'cross', data: { from: own, to: other } });
          }
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

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
    files: ['renderer/src/workspaces/**/*.{ts,tsx}'],
    plugins: { rooms },
    rules: { 'rooms/no-cross-workspace': 'error' },
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
);
