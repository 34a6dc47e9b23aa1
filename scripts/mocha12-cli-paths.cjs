// Preloaded (NODE_OPTIONS=--require) by scripts/mutation.mjs. @stryker-mutator/mocha-runner 10.1
// requires mocha's CLI helpers by extension-less paths (lib/cli/run-helpers, lib/cli/options,
// lib/cli/collect-files); mocha 12 ships them as .cjs files. This maps exactly those requests to the
// .cjs files and changes nothing else.
const Module = require('module');
const path = require('path');

const original = Module._resolveFilename;
const mochaCli = /[\\/]mocha[\\/]lib[\\/]cli[\\/](run-helpers|options|collect-files)$/;

Module._resolveFilename = function resolveMochaCli(request, ...rest) {
  if (path.isAbsolute(request) && mochaCli.test(request)) return original.call(this, `${request}.cjs`, ...rest);
  return original.call(this, request, ...rest);
};
