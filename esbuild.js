// Builds the two bundles of the extension: the extension host code (Node, CommonJS) and the
// room panel's browser code (an ES module with chunks loaded by import()). `--production` minifies, `--watch` rebuilds.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build results the way VS Code's esbuild problem matcher expects. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * node-fetch v2 falls back to the `whatwg-url` package only where Node has no global URL; Node 20
 * always has one, so the fallback (and its 260 KB Unicode table) is replaced by the built-in.
 */
const nodeUrlPlugin = {
  name: 'node-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url' }, () => ({ contents: 'module.exports = { URL: globalThis.URL };', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  minify: production,
  // Japanese and Vietnamese text stays UTF-8 instead of \uXXXX escapes (half the bytes).
  charset: 'utf8',
  legalComments: 'none',
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherPlugin] : [],
};

function webviewEntries() {
  const dir = path.join(__dirname, 'src', 'webview');
  return fs.existsSync(path.join(dir, 'main.ts')) ? [path.join(dir, 'main.ts')] : [];
}

/** The room panel's icons: codicon.css + codicon.ttf from @vscode/codicons into dist/webview/codicons. */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'webview', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

async function main() {
  // A production build starts clean so no development source maps end up in the package.
  if (production) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  copyCodicons();
  const contexts = [
    await esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // `encoding` is an optional peer of node-fetch, required inside a try/catch; we never need it.
      external: ['vscode', 'encoding'],
      plugins: [...common.plugins, nodeUrlPlugin],
    }),
  ];
  const webview = webviewEntries();
  if (webview.length > 0) {
    contexts.push(
      await esbuild.context({
        ...common,
        entryPoints: webview,
        outdir: 'dist/webview',
        platform: 'browser',
        // An ES module split in chunks: what the first paint needs is main.js; what only comes
        // after it (find, the message menu, the inline editor …) is loaded with import() later.
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        target: 'es2022',
        // Members named `_x` are private by our convention (TypeScript `private`, never in protocol
        // messages or saved state): short names in the bundle. Dev builds too, so the tests run it.
        mangleProps: /^_[a-zA-Z]/,
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
