#!/usr/bin/env node
// Entry point: the compiled CLI, bundled into dist/cli (built by `npm install` through `prepare`: tsc, then scripts/bundle-cli.mjs).
import { main } from '../dist/cli/cli.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
