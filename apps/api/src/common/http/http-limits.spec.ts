import { ConfigError } from '@kuhina/application';
import { loadHttpLimits, timeoutCheckInterval } from './http-limits';

describe('loadHttpLimits', () => {
  it('has finite defaults for every timeout: none is Node\'s "wait forever"', () => {
    expect(loadHttpLimits({})).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, connectionTimeoutMs: 120_000, shutdownGraceMs: 10_000 });
  });

  it('reads each from the environment', () => {
    const limits = loadHttpLimits({ KUHINA_HEADERS_TIMEOUT_MS: '1000', KUHINA_REQUEST_TIMEOUT_MS: '1500', KUHINA_KEEP_ALIVE_TIMEOUT_MS: '2000', KUHINA_CONNECTION_TIMEOUT_MS: '9000', KUHINA_SHUTDOWN_GRACE_MS: '3000' });
    expect(limits).toEqual({ headersTimeoutMs: 1000, requestTimeoutMs: 1500, keepAliveTimeoutMs: 2000, connectionTimeoutMs: 9000, shutdownGraceMs: 3000 });
    expect(timeoutCheckInterval(limits)).toBe(250);
  });

  it.each([['KUHINA_REQUEST_TIMEOUT_MS', '0'], ['KUHINA_SHUTDOWN_GRACE_MS', '-5'], ['KUHINA_HEADERS_TIMEOUT_MS', '10s'], ['KUHINA_KEEP_ALIVE_TIMEOUT_MS', '99999999']])('refuses %s=%s', (name, value) => {
    expect(() => loadHttpLimits({ [name]: value })).toThrow(ConfigError);
  });

  it('refuses a headers timeout longer than the request timeout (Node would not start)', () => {
    expect(() => loadHttpLimits({ KUHINA_HEADERS_TIMEOUT_MS: '20000', KUHINA_REQUEST_TIMEOUT_MS: '10000' })).toThrow(/must not exceed KUHINA_REQUEST_TIMEOUT_MS/);
  });
});
