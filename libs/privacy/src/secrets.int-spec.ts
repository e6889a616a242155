import { transformFileSync } from '@swc/core';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two (here: eight) processes starting at once on an empty data folder must end up with the same
 * secrets, or some of them would encrypt under a master key that is then lost. Real processes, a real
 * file system: the module is compiled to plain CommonJS and run with node in each child.
 */
describe('loadOrCreateSecrets across processes', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kuhina-secrets-race-'));
    for (const name of ['secrets', 'privacy.errors']) {
      const { code } = transformFileSync(join(__dirname, `${name}.ts`), {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      });
      writeFileSync(join(root, `${name}.js`), code);
    }
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const runChild = (dataDir: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const script = `const s = require(${JSON.stringify(join(root, 'secrets.js'))}).loadOrCreateSecrets(${JSON.stringify(dataDir)}, {});
        process.stdout.write([s.masterKey, s.blindIndexKey, s.pseudonymKey].map((k) => k.toString('base64')).join(','));`;
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
    });

  it('agree on one secrets file when started at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const dataDir = join(root, `data-${round}`);

      const results = await Promise.all(Array.from({ length: 8 }, () => runChild(dataDir)));

      expect(new Set(results).size).toBe(1);
      expect(results[0].split(',')).toHaveLength(3);
      expect(readdirSync(dataDir)).toEqual(['secrets.json']);
      if (process.platform !== 'win32') expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    }
  }, 60_000);
});
