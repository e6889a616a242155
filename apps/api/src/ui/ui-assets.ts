import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ServiceUnavailableException } from '@nestjs/common';
import { ApiErrors } from '../common/problem/api-errors';

/** Overrides where the built pages are (a folder holding network.js, as `scripts/build-ui.js` writes it). */
export const UI_DIR_ENV = 'KUHINA_UI_DIR';

/**
 * The files the API serves, and their content types; nothing else under the folder is reachable. Not the source maps:
 * they would publish the page's source to anyone; a developer reads them from dist/ui.
 */
export const UI_ASSETS = {
  'network.html': 'text/html; charset=utf-8',
  'network.js': 'text/javascript; charset=utf-8',
  'network.css': 'text/css; charset=utf-8',
} as const;
export type UiAsset = keyof typeof UI_ASSETS;

/** The file whose presence says "the bundle was built here". */
const BUILT_MARKER: UiAsset = 'network.js';

/**
 * Where the built pages are. An explicit `KUHINA_UI_DIR` is taken as given (no guessing past it). Otherwise
 * `dist/ui` under the working directory, then under each folder above `from`: this module runs from
 * `dist/apps/api/src/ui/` after a build and from `apps/api/src/ui/` under Jest, and both walks reach `<repo>/dist/ui`
 * whatever the working directory (e.g. `bin/kuhina serve` started elsewhere).
 */
export function locateUiDir(options: { env?: string; cwd: string; from: string }): string | null {
  if (options.env) {
    const dir = resolve(options.cwd, options.env);
    return existsSync(join(dir, BUILT_MARKER)) ? dir : null;
  }
  const candidates = [join(options.cwd, 'dist', 'ui')];
  for (let dir = resolve(options.from); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'dist', 'ui'));
    if (dirname(dir) === dir) break;
  }
  return candidates.find((dir) => existsSync(join(dir, BUILT_MARKER))) ?? null;
}

export interface UiFile {
  body: Buffer;
  contentType: string;
}

/** Reads the built pages; located on every request, so building while the API runs needs no restart. */
export class UiAssets {
  constructor(private readonly locate: () => string | null) {}

  async read(asset: UiAsset): Promise<UiFile> {
    const dir = this.locate();
    if (dir !== null) {
      try {
        return { body: await readFile(join(dir, asset)), contentType: UI_ASSETS[asset] };
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
    }
    throw new ServiceUnavailableException({
      code: ApiErrors.UI_NOT_BUILT,
      message: `The browser pages are not built (${asset} not found${dir ? ` in ${dir}` : ''}): run \`npm run build\` (or \`node scripts/build-ui.js\`), or set ${UI_DIR_ENV} to the folder holding network.js.`,
    });
  }
}

/** The locator the running API uses: the environment, the working directory, this module's own place. */
export const defaultUiAssets = (): UiAssets => new UiAssets(() => locateUiDir({ env: process.env[UI_DIR_ENV], cwd: process.cwd(), from: __dirname }));
