import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './kuhina-config';

describe('loadConfig', () => {
  it('defaults to the embedded stores in ./data on 127.0.0.1:3000 with the demo', () => {
    const sut = loadConfig({});
    expect(sut).toEqual({
      dataDir: resolve('./data'),
      host: '127.0.0.1',
      port: 3000,
      kurrentdbUrl: undefined,
      mongodbUrl: undefined,
      apiKeys: undefined,
      demo: true,
      sqliteSynchronous: 'FULL',
      projector: 'embedded',
      sealEvery: 0,
    });
  });

  it('reads the environment and lets explicit overrides (CLI flags) win', () => {
    const sut = loadConfig(
      { KUHINA_DATA_DIR: '/tmp/k', PORT: '8080', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false', KUHINA_DEMO: '0', KUHINA_SEAL_EVERY: '10000' },
      { port: 9090 },
    );
    expect(sut).toMatchObject({ dataDir: '/tmp/k', port: 9090, kurrentdbUrl: 'kurrentdb://localhost:2113?tls=false', demo: false, sealEvery: 10_000 });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ KUHINA_SQLITE_SYNCHRONOUS: 'OFF' }, /KUHINA_SQLITE_SYNCHRONOUS/],
    [{ KUHINA_DEMO: 'maybe' }, /KUHINA_DEMO/],
    [{ KUHINA_PROJECTOR: 'sometimes' }, /KUHINA_PROJECTOR/],
    [{ KUHINA_SEAL_EVERY: '-5' }, /KUHINA_SEAL_EVERY/],
    [{ KUHINA_SEAL_EVERY: 'hourly' }, /KUHINA_SEAL_EVERY/],
  ])('refuses a bad value %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
