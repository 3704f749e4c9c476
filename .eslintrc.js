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
      // Every string entering a URL goes through the escaping helpers in src/core/http (the domain, which depends
      // on nothing, quotes its one OData key literal itself).
      files: ['src/core/{graph,sharepoint,services,auth}/**/*.ts', 'src/{ui,addin,teams,webparts,workbench}/**/*.{ts,tsx}'],
      rules: {
        'no-restricted-globals': [
          'error',
          {
            name: 'encodeURIComponent',
            message: 'Use encodePathSegment (a path segment) or encodeQueryValue (a query value) from src/core/http.'
          }
        ]
      }
    },
    {
      // ARCHITECTURE.md: services and surfaces never call fetch; every Graph or SharePoint request is made in
      // src/core/graph or src/core/sharepoint (and a token in src/core/auth).
      files: ['src/core/services/**/*.ts', 'src/{ui,addin,teams,webparts,workbench}/**/*.{ts,tsx}'],
      rules: {
        'no-restricted-globals': [
          'error',
          { name: 'fetch', message: 'Requests go through the gateway in src/core/graph or src/core/sharepoint.' },
          {
            name: 'encodeURIComponent',
            message: 'Use encodePathSegment (a path segment) or encodeQueryValue (a query value) from src/core/http.'
          }
        ]
      }
    },
    {
      // docs/architecture.md: surfaces and shared UI reach the core only through its use cases (core/services) and
      // its pure rules (core/domain). Only the composition roots, listed below, create the gateway, the SharePoint
      // client and the token provider; a component never sees a Graph payload type.
      files: ['src/{ui,addin,teams,webparts,workbench}/**/*.{ts,tsx}'],
      excludedFiles: [
        'src/addin/index.tsx',
        'src/teams/index.tsx',
        'src/webparts/filePlan/FilePlanWebPart.ts',
        'src/workbench/WorkbenchRoot.tsx'
      ],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['**/core/graph', '**/core/graph/**', '**/core/sharepoint', '**/core/sharepoint/**'],
                message: 'Surfaces call a use case in src/core/services; only the composition roots create the gateway.'
              },
              {
                group: ['**/core/http', '**/core/http/**', '**/core/auth', '**/core/auth/**'],
                message: 'Errors come from core/services/errors; token providers are created by the composition roots only.'
              },
              {
                group: ['@microsoft/microsoft-graph-types'],
                message: 'Components never see a Graph payload: the core maps it to a domain or use-case type.'
              }
            ]
          }
        ]
      }
    },
    {
      files: ['test/**/*.ts', 'test/**/*.tsx'],
      rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
    }
  ]
};
