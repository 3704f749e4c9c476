// Runs src/devtenant/cli.ts in a plain Node child process (for the kill -9 test) without tsx:
// TypeScript files are transpiled on require with the compiler the project already has.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename
  });
  module._compile(out.outputText, filename);
};

const { main } = require('../../../src/devtenant/cli.ts');
main(process.argv.slice(2)).then((code) => process.exit(code));
