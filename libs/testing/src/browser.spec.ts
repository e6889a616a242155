import { TestPathPatterns } from '@jest/pattern';
import { join } from 'node:path';
import * as sut from '../../../scripts/browser';
import type { BrowserProbes, BrowserSettings } from '../../../scripts/browser';

// scripts/browser.js decides whether the browser suites get a Chromium: use it, install it, skip them loudly, or fail
// them (CI). Every probe of the machine is injected here, so each branch runs on any machine.

const ROOT = join(__dirname, '..', '..', '..');
const DEBIAN = '/usr/bin/chromium';

const machine = (over: Partial<{ present: string[]; root: boolean; aptGet: boolean }> = {}): BrowserProbes => {
  const present = new Set(over.present ?? []);
  return { exists: (path) => present.has(path), isRoot: () => over.root ?? true, hasAptGet: () => over.aptGet ?? true };
};
const settings = (over: Partial<BrowserSettings> = {}): BrowserSettings => ({ chromium: DEBIAN, required: false, installDisabled: false, ...over });

describe('decideBrowser: found / install / skip / fail', () => {
  it('uses the browser when it is there, whatever else holds', () => {
    expect(sut.decideBrowser(settings({ required: true, installDisabled: true }), machine({ present: [DEBIAN], root: false, aptGet: false }))).toEqual({ action: 'use', chromium: DEBIAN });
    expect(sut.decideBrowser(settings({ chromium: '/opt/chrome/chrome' }), machine({ present: ['/opt/chrome/chrome'] }))).toEqual({ action: 'use', chromium: '/opt/chrome/chrome' });
  });

  it("installs Debian's chromium when missing, as root with apt-get, whether or not it is required", () => {
    expect(sut.decideBrowser(settings(), machine())).toEqual({ action: 'install', chromium: DEBIAN });
    expect(sut.decideBrowser(settings({ required: true }), machine())).toEqual({ action: 'install', chromium: DEBIAN });
  });

  it.each([
    ['not root', settings(), machine({ root: false }), 'not root'],
    ['no apt-get', settings(), machine({ aptGet: false }), 'apt-get not found (not a Debian or Ubuntu machine)'],
    ['installing switched off', settings({ installDisabled: true }), machine(), 'KUHINA_NO_BROWSER_INSTALL=1'],
    ['another path than apt-get installs', settings({ chromium: '/nonexistent' }), machine(), 'KUHINA_CHROMIUM names another path than /usr/bin/chromium, the only one apt-get can install'],
    ['installing switched off, another path too (the switch is named)', settings({ chromium: '/nonexistent', installDisabled: true }), machine({ root: false }), 'KUHINA_NO_BROWSER_INSTALL=1'],
  ])('skips, naming the reason, when it cannot install: %s', (_case, given, probes, why) => {
    const decision = sut.decideBrowser(given, probes);

    expect(decision).toEqual({ action: 'skip', chromium: given.chromium, reason: `chromium not found at ${given.chromium} and cannot install it: ${why}` });
    expect(sut.browserBanner(decision)).toMatch(/^Browser suite SKIPPED \(test\/ui-network\.e2e-spec\.ts, test\/ui-resources\.e2e-spec\.ts, test\/ui-public-form\.e2e-spec\.ts\): chromium not found at /);
  });

  it.each([
    ['not root', settings({ required: true }), machine({ root: false }), 'not root'],
    ['no apt-get', settings({ required: true }), machine({ aptGet: false }), 'apt-get not found'],
    ['installing switched off', settings({ required: true, installDisabled: true }), machine(), 'KUHINA_NO_BROWSER_INSTALL=1'],
    ['another path', settings({ required: true, chromium: '/nonexistent' }), machine(), 'KUHINA_CHROMIUM names another path'],
  ])('fails instead of skipping when the browser is required (KUHINA_REQUIRE_BROWSER=1): %s', (_case, given, probes, why) => {
    const decision = sut.decideBrowser(given, probes);

    expect(decision.action).toBe('fail');
    expect(decision.reason).toContain(`chromium not found at ${given.chromium} and cannot install it: ${why}`);
    expect(sut.browserBanner(decision)).toMatch(/^Browser suite FAILS .*KUHINA_REQUIRE_BROWSER=1 forbids skipping it\.$/);
  });

  it('after a failed installation, skips (or fails when required) with the installation error, never installs again', () => {
    expect(sut.decideBrowser(settings(), machine(), 'exit 100')).toEqual({ action: 'skip', chromium: DEBIAN, reason: 'chromium not found at /usr/bin/chromium and cannot install it: apt-get install -y chromium did not provide it: exit 100' });
    expect(sut.decideBrowser(settings({ required: true }), machine(), 'exit 100').action).toBe('fail');
  });
});

describe('browserSettings: read from the environment', () => {
  it("defaults to Debian's chromium, not required, installing allowed", () => {
    expect(sut.browserSettings({})).toEqual({ chromium: DEBIAN, required: false, installDisabled: false });
  });

  it('takes KUHINA_CHROMIUM, KUHINA_REQUIRE_BROWSER=1 and KUHINA_NO_BROWSER_INSTALL=1', () => {
    expect(sut.browserSettings({ KUHINA_CHROMIUM: '/nonexistent', KUHINA_REQUIRE_BROWSER: '1', KUHINA_NO_BROWSER_INSTALL: '1' })).toEqual({ chromium: '/nonexistent', required: true, installDisabled: true });
    expect(sut.browserSettings({ KUHINA_CHROMIUM: '', KUHINA_REQUIRE_BROWSER: '0', KUHINA_NO_BROWSER_INSTALL: 'no' })).toEqual({ chromium: DEBIAN, required: false, installDisabled: false });
  });
});

describe('ensureBrowser: decides, installs when that is the decision, decides again', () => {
  it('installs, then uses the browser the installation put in place', () => {
    const present: string[] = [];
    const probes: BrowserProbes = { ...machine(), exists: (path) => present.includes(path) };
    const lines: string[] = [];
    const install = jest.fn(() => void present.push(DEBIAN));

    const outcome = sut.ensureBrowser({ env: {}, probes, install, log: (line) => lines.push(line) });

    expect(outcome).toEqual({ action: 'use', chromium: DEBIAN });
    expect(install).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([expect.stringContaining("installing Debian's chromium (apt-get install -y chromium)")]);
  });

  it('skips with the error when the installation fails, and fails instead when required', () => {
    const install = () => {
      throw new Error('Command failed: apt-get install -y -qq chromium\nE: Unable to locate package chromium');
    };

    const skipped = sut.ensureBrowser({ env: {}, probes: machine(), install, log: () => undefined });
    const failed = sut.ensureBrowser({ env: { KUHINA_REQUIRE_BROWSER: '1' }, probes: machine(), install, log: () => undefined });

    expect(skipped).toEqual({ action: 'skip', chromium: DEBIAN, reason: 'chromium not found at /usr/bin/chromium and cannot install it: apt-get install -y chromium did not provide it: Command failed: apt-get install -y -qq chromium' });
    expect(failed.action).toBe('fail');
  });

  it('says so when the installation succeeds but the browser is still not there', () => {
    const outcome = sut.ensureBrowser({ env: {}, probes: machine(), install: () => undefined, log: () => undefined });

    expect(outcome.action).toBe('skip');
    expect(outcome.reason).toContain('/usr/bin/chromium is still missing after the installation');
  });

  it('never installs when it must not (KUHINA_NO_BROWSER_INSTALL=1, not root, another path) or need not (found)', () => {
    const install = jest.fn();
    const quiet = { install, log: () => undefined };

    sut.ensureBrowser({ ...quiet, env: { KUHINA_NO_BROWSER_INSTALL: '1' }, probes: machine() });
    sut.ensureBrowser({ ...quiet, env: {}, probes: machine({ root: false }) });
    sut.ensureBrowser({ ...quiet, env: { KUHINA_CHROMIUM: '/nonexistent' }, probes: machine() });
    sut.ensureBrowser({ ...quiet, env: {}, probes: machine({ present: [DEBIAN] }) });

    expect(install).not.toHaveBeenCalled();
  });
});

describe('browserForSuite: what a browser suite does (it never installs)', () => {
  it("takes the global setup's outcome for the same browser", () => {
    const handed = { action: 'skip', chromium: DEBIAN, reason: 'chromium not found at /usr/bin/chromium and cannot install it: apt-get install -y chromium did not provide it: exit 100' };

    expect(sut.browserForSuite({ [sut.OUTCOME_ENV]: JSON.stringify(handed) }, machine())).toEqual(handed);
  });

  it('uses a browser that appeared after the global setup looked', () => {
    const handed = { action: 'skip', chromium: DEBIAN, reason: 'not root' };

    expect(sut.browserForSuite({ [sut.OUTCOME_ENV]: JSON.stringify(handed) }, machine({ present: [DEBIAN] }))).toEqual({ action: 'use', chromium: DEBIAN });
  });

  it('decides on its own, without installing, when no setup handed an outcome (or one for another browser)', () => {
    const other = { action: 'use', chromium: '/opt/chrome/chrome' };

    const alone = sut.browserForSuite({}, machine());
    const mismatched = sut.browserForSuite({ [sut.OUTCOME_ENV]: JSON.stringify(other), KUHINA_REQUIRE_BROWSER: '1' }, machine());

    expect(alone.action).toBe('skip');
    expect(alone.reason).toContain("not tried: Jest's global setup (jest.global-setup.js) installs it");
    expect(mismatched.action).toBe('fail');
  });
});

describe('machineProbes: the real machine', () => {
  it('finds executables only: node itself yes, a missing path or a plain file no', () => {
    expect(sut.machineProbes.exists(process.execPath)).toBe(true);
    expect(sut.machineProbes.exists('/nonexistent/chromium')).toBe(false);
    expect(sut.machineProbes.exists(join(ROOT, 'package.json'))).toBe(false);
  });
});

describe('runIncludesBrowserSuite: installing only for a run that may drive a browser', () => {
  const run = (over: { selectProjects?: string[]; ignoreProjects?: string[]; patterns?: string[] }) =>
    sut.runIncludesBrowserSuite({ selectProjects: over.selectProjects, ignoreProjects: over.ignoreProjects, testPathPatterns: new TestPathPatterns(over.patterns ?? []) }, ROOT);

  it('includes them in a whole run, an e2e run, and a run whose path patterns match a browser suite', () => {
    expect(run({})).toBe(true);
    expect(run({ selectProjects: ['e2e'] })).toBe(true);
    expect(run({ patterns: ['ui-network'] })).toBe(true);
    expect(run({ selectProjects: ['unit', 'e2e'], patterns: ['workshops|ui-'] })).toBe(true);
    expect(sut.runIncludesBrowserSuite(undefined, ROOT)).toBe(true);
  });

  it('leaves them out of a unit or int run, a run without e2e, and a run whose patterns match no browser suite', () => {
    expect(run({ selectProjects: ['unit'] })).toBe(false);
    expect(run({ selectProjects: ['int'] })).toBe(false);
    expect(run({ ignoreProjects: ['e2e'] })).toBe(false);
    expect(run({ patterns: ['workshops|http-platform'] })).toBe(false);
  });
});
