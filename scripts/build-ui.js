#!/usr/bin/env node
// Bundles the browser pages (ui/) into dist/ui/: one minified script and one stylesheet per page, plus its HTML.
// The API serves them from its own origin (apps/api/src/ui/), so the page loads nothing from a CDN.
'use strict';
const { copyFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');

const root = join(__dirname, '..');
const outdir = join(root, 'dist', 'ui');

async function main() {
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      { in: 'ui/network/network.page.ts', out: 'network' },
      { in: 'ui/network/network.css', out: 'network' },
      { in: 'ui/resources/resources.page.ts', out: 'resources' },
      { in: 'ui/resources/resources.css', out: 'resources' },
    ],
    outdir,
    bundle: true,
    minify: true,
    // Maps stay in dist/ui for developers; the API does not serve them, so the bundle names none.
    sourcemap: 'external',
    format: 'iife',
    platform: 'browser',
    // Browsers from 2021 on: what the back-office's users run, and what headless Chromium in CI is.
    target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
    tsconfig: 'ui/network/tsconfig.json',
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });
  copyFileSync(join(root, 'ui', 'network', 'network.html'), join(outdir, 'network.html'));
  copyFileSync(join(root, 'ui', 'resources', 'resources.html'), join(outdir, 'resources.html'));
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, { bytes }]) => `${file.replace(/^.*dist\//, 'dist/')} ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`build-ui: ${sizes.join(', ')}, dist/ui/network.html`);
}

main().catch((error) => {
  console.error(`build-ui: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
