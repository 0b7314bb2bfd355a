#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm install` through `prepare`).
import { main } from '../dist/src/cli/cli.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
