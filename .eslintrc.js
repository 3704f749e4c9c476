// SPFx 1.21.1's own profile (the 1.20-style config; 1.22's names a rule 1.21.1 lacks, see toolchain.md),
// applied to every TypeScript file: surfaces, core, dev tenant, scripts and tests.
require('@rushstack/eslint-config/patch/modern-module-resolution');

module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parser: '@typescript-eslint/parser',
  parserOptions: { tsconfigRootDir: __dirname, project: './tsconfig.node.json', ecmaVersion: 2022, sourceType: 'module' },
  settings: { react: { version: '17.0' } },
  ignorePatterns: ['/node_modules/', '/dist/', '/lib/', '/temp/', '/coverage/', '*.js', '*.mjs', '*.cjs'],
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    eqeqeq: ['error', 'always', { null: 'ignore' }],
    'no-eval': 'error',
    'no-implied-eval': 'error',
    'no-new-func': 'error',
    'promise/param-names': 'error',
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'error',
    // React renders text; raw HTML from data never reaches the DOM.
    'react/no-danger': 'error'
  },
  overrides: [
    {
      files: ['test/**/*.ts', 'test/**/*.tsx'],
      rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
    }
  ]
};
