import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceUnavailableException } from '@nestjs/common';
import { locateUiDir, UiAssets } from './ui-assets';

describe('UI assets', () => {
  let root: string;
  const built = (dir: string, files: Record<string, string> = { 'network.js': 'js', 'network.html': '<html>' }): string => {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kuhina-ui-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('locateUiDir', () => {
    it('finds dist/ui under the working directory first', () => {
      const cwdBuild = built(join(root, 'repo', 'dist', 'ui'));
      built(join(root, 'dist', 'ui'));

      expect(locateUiDir({ cwd: join(root, 'repo'), from: join(root, 'elsewhere', 'deep') })).toBe(cwdBuild);
    });

    it('walks up from its own folder when the working directory has no build (compiled into dist/, or run by Jest from the sources)', () => {
      const repoBuild = built(join(root, 'repo', 'dist', 'ui'));

      expect(locateUiDir({ cwd: join(root, 'other'), from: join(root, 'repo', 'dist', 'apps', 'api', 'src', 'ui') })).toBe(repoBuild);
      expect(locateUiDir({ cwd: join(root, 'other'), from: join(root, 'repo', 'apps', 'api', 'src', 'ui') })).toBe(repoBuild);
    });

    it('takes KUHINA_UI_DIR as given, relative to the working directory, and does not guess past it', () => {
      const override = built(join(root, 'custom'));
      built(join(root, 'repo', 'dist', 'ui'));
      mkdirSync(join(root, 'empty'));

      expect(locateUiDir({ env: 'custom', cwd: root, from: join(root, 'repo', 'apps') })).toBe(override);
      expect(locateUiDir({ env: join(root, 'empty'), cwd: join(root, 'repo'), from: join(root, 'repo', 'apps') })).toBeNull();
    });

    it('answers null when nothing was built', () => {
      expect(locateUiDir({ cwd: root, from: join(root, 'a', 'b') })).toBeNull();
    });
  });

  describe('UiAssets.read', () => {
    it('reads a built file with its content type', async () => {
      const dir = built(join(root, 'ui'), { 'network.js': 'console.log(1)', 'network.html': '<!doctype html>' });
      const sut = new UiAssets(() => dir);

      const script = await sut.read('network.js');
      const page = await sut.read('network.html');

      expect(script.body.toString()).toBe('console.log(1)');
      expect(script.contentType).toBe('text/javascript; charset=utf-8');
      expect(page.contentType).toBe('text/html; charset=utf-8');
    });

    it.each([
      ['no build at all', (): string | null => null, /not built \(network\.html not found\)/],
      ['a build without the file', (): string | null => 'MISSING', /network\.html not found in /],
    ])('answers 503 UI.NOT_BUILT naming the fix with %s', async (_case, locate, message) => {
      const dir = built(join(root, 'ui'), { 'network.js': 'js' });
      const sut = new UiAssets(() => (locate() === null ? null : dir));

      const error = await sut.read('network.html').catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ServiceUnavailableException);
      const response = (error as ServiceUnavailableException).getResponse() as { code: string; message: string };
      expect(response.code).toBe('UI.NOT_BUILT');
      expect(response.message).toMatch(message);
      expect(response.message).toContain('node scripts/build-ui.js');
    });
  });
});
