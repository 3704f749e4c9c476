#!/usr/bin/env node
// The `custodian` command (docs/cli.md). It runs the TypeScript source through tsx's CommonJS
// loader, so there is no build step; the work is done by runCustodian in src/cli/custodian.ts.
'use strict';

const path = require('node:path');
const { readFileSync } = require('node:fs');

// Compile with the project's own settings, whatever tsconfig.json the current folder may hold.
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.node.json');
require('tsx/cjs');
const { runCustodian } = require('../src/cli/custodian.ts');

// A reader that stops early (`custodian ... | head`) closes the pipe; that is not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode === undefined ? 0 : process.exitCode);
  });
}

runCustodian(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (file) => readFileSync(file)
}).then((code) => {
  // Not process.exit(): output still being written to a pipe would be cut off.
  process.exitCode = code;
});
