import { DEFAULT_FAIR_SHARE, loadFairShare } from './fair-share';

describe('loadFairShare', () => {
  it('defaults to the documented limits, on', () => {
    expect(loadFairShare({})).toEqual(DEFAULT_FAIR_SHARE);
  });

  it('reads every limit, the reader budget for analysts and auditors alike, and the proxies to trust', () => {
    const limits = loadFairShare({
      KUHINA_RATE_LIMIT_WINDOW_S: '10',
      KUHINA_RATE_LIMIT_BACKOFFICE: '100',
      KUHINA_RATE_LIMIT_READER: '20',
      KUHINA_RATE_LIMIT_ANONYMOUS: '5',
      KUHINA_RATE_LIMIT_FAILED_AUTH: '2',
      KUHINA_RATE_LIMIT_EXPENSIVE: '1',
      KUHINA_TRUST_PROXY: '10.0.0.0/8',
    });

    expect(limits).toEqual({ enabled: true, windowSeconds: 10, perRole: { backoffice: 100, analyst: 20, auditor: 20 }, anonymous: 5, failedAuthentication: 2, expensive: 1, trustProxy: '10.0.0.0/8' });
    expect(loadFairShare({ KUHINA_RATE_LIMITS: 'off' }).enabled).toBe(false);
    expect(loadFairShare({ KUHINA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it.each([
    ['KUHINA_RATE_LIMITS', 'maybe'],
    ['KUHINA_RATE_LIMIT_READER', '0'],
    ['KUHINA_RATE_LIMIT_EXPENSIVE', '1e3'],
    ['KUHINA_RATE_LIMIT_WINDOW_S', 'a minute'],
  ])('refuses %s=%s by name', (name, value) => {
    expect(() => loadFairShare({ [name]: value })).toThrow(name);
  });
});
