// Mutation testing of the three vscode-free layers (src/api, src/notation, src/store) with the unit
// tests: `npm run test:mutation` (scripts/mutation.mjs). Not part of `npm test`: it takes long.
// Only the unit suites that exercise those folders run (the emulator's own suites, l10n and the ones
// that drive the webview in Chromium test other code, and a browser per mutant would take hours).
// notationRobustness is left out (it stays in `npm test`): its 1 MB bodies, 100,000 nested tags and
// 3,000 random bodies take minutes per run on instrumented code, hours for the folder; it only
// checks that nothing throws or hangs, which notationLinearity and the other suites also catch.
const suites = [
  'client*', 'codeRefs', 'hardening', 'notation', 'notationInline', 'notationLinearity', 'notationPlainText', 'notifyClassify',
  'openDownload', 'panel.protocol', 'readableNames', 'security.requests', 'snippet*', 'store.*', 'treeText',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/api/**/*.ts', 'src/notation/**/*.ts', 'src/store/**/*.ts', '!src/**/index.ts'],
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.unit.json',
    spec: suites.map((name) => `out/test/unit/${name}.test.js`),
  },
  // The tests run the compiled out/; the sandbox compiles the instrumented sources once.
  buildCommand: 'tsc -p tsconfig.test.json',
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10000,
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  ignorePatterns: ['out', 'dist', '.vscode-test', 'test-results', 'reports', '.stryker-tmp*'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: 'always',
};
