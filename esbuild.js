// Builds the two bundles of the extension: the extension host code (Node, CommonJS) and the
// room panel's browser code (one IIFE per webview entry). `--production` minifies, `--watch` rebuilds.
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

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherPlugin] : [],
};

function webviewEntries() {
  const dir = path.join(__dirname, 'src', 'webview');
  return fs.existsSync(path.join(dir, 'main.ts')) ? [path.join(dir, 'main.ts')] : [];
}

async function main() {
  const contexts = [
    await esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
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
        format: 'iife',
        target: 'es2022',
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
