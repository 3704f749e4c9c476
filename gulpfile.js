'use strict';

// SharePoint Framework 1.21.1, the last release on the gulp toolchain. It bundles only the web part
// (`gulp bundle --ship`, `gulp package-solution --ship`); the add-in, the Teams tab and the local
// workbench are bundled by scripts/build.ts with esbuild.
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

// SPFx lints as part of its build; the project lints once, with the same config, in `npm run lint`.
build.lintCmd.enabled = false;

const getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  const result = getTasks.call(build.rig);
  result.set('serve', result.get('serve-deprecated'));
  return result;
};

build.initialize(require('gulp'));
