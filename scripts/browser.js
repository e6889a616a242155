#!/usr/bin/env node
// @ts-check
// Whether the browser suites (test/ui-network.e2e-spec.ts) get a Chromium, in one place:
//   found   → use it;
//   missing → install Debian's chromium where the machine allows it (root, apt-get, the Debian path);
//   else    → skip the browser suites with a loud SKIPPED naming the reason,
//             or fail them when KUHINA_REQUIRE_BROWSER=1 (CI: a browser test must never be skipped silently there).
// Plain CommonJS without dependencies: it runs in Jest's global setup (jest.global-setup.js), in the suites, and
// on its own (`node scripts/browser.js` installs if it can and prints the outcome; exit 1 when it must fail).
// Settings (environment):
//   KUHINA_CHROMIUM=<path>        the browser to drive (default: Debian's /usr/bin/chromium)
//   KUHINA_REQUIRE_BROWSER=1      a missing browser fails the browser suites instead of skipping them (.ci/run sets it)
//   KUHINA_NO_BROWSER_INSTALL=1   never run apt-get, even as root (a missing browser then skips, or fails when required)
'use strict';
const { execFileSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

/** Where Debian's chromium package puts the browser: the only path that installing it can provide. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** The suites that drive a browser (relative to the repository root). */
const BROWSER_SUITES = ['test/ui-network.e2e-spec.ts', 'test/ui-resources.e2e-spec.ts', 'test/ui-public-form.e2e-spec.ts'];
/** The Jest project those suites belong to (jest.config.js). */
const BROWSER_PROJECT = 'e2e';
/** Jest's global setup hands its outcome to the suites through this variable (workers inherit its environment). */
const OUTCOME_ENV = 'KUHINA_BROWSER_OUTCOME';
const INSTALL_COMMAND = 'apt-get install -y chromium';

/** @param {NodeJS.ProcessEnv} env */
function browserSettings(env = process.env) {
  return {
    chromium: env.KUHINA_CHROMIUM || DEBIAN_CHROMIUM,
    required: env.KUHINA_REQUIRE_BROWSER === '1',
    installDisabled: env.KUHINA_NO_BROWSER_INSTALL === '1',
  };
}

/**
 * The decision, from the settings and the probes alone (no I/O here: the unit test injects every probe).
 * `installError` says that an installation was tried (or cannot happen from where the caller runs) and why it did not help.
 * @param {{ chromium: string, required: boolean, installDisabled: boolean }} settings
 * @param {{ exists(path: string): boolean, isRoot(): boolean, hasAptGet(): boolean }} probes
 * @param {string} [installError]
 * @returns {{ action: 'use' | 'install' | 'skip' | 'fail', chromium: string, reason?: string }}
 */
function decideBrowser(settings, probes, installError) {
  const { chromium } = settings;
  if (probes.exists(chromium)) return { action: 'use', chromium };
  const cannot =
    installError !== undefined ? `${INSTALL_COMMAND} did not provide it: ${installError}`
    : settings.installDisabled ? 'KUHINA_NO_BROWSER_INSTALL=1'
    : chromium !== DEBIAN_CHROMIUM ? `KUHINA_CHROMIUM names another path than ${DEBIAN_CHROMIUM}, the only one apt-get can install`
    : !probes.isRoot() ? 'not root'
    : !probes.hasAptGet() ? 'apt-get not found (not a Debian or Ubuntu machine)'
    : undefined;
  if (cannot === undefined) return { action: 'install', chromium };
  const reason = `chromium not found at ${chromium} and cannot install it: ${cannot}`;
  return { action: settings.required ? 'fail' : 'skip', chromium, reason };
}

/** The probes of this machine. */
const machineProbes = {
  /** @param {string} path */
  exists(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  hasAptGet: () => (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && machineProbes.exists(join(dir, 'apt-get'))),
};

/** Installs Debian's chromium (refreshing the package lists first: a fresh container has none). Throws on failure. */
function aptInstallChromium() {
  const options = /** @type {const} */ ({ stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  // Several test runs may start at once: wait for another apt-get rather than fail on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  execFileSync('apt-get', [...lock, 'update', '-qq'], options);
  execFileSync('apt-get', [...lock, 'install', '-y', '-qq', 'chromium'], options);
}

/**
 * Decides, installs when that is the decision, and decides again: the outcome is `use`, `skip` or `fail`.
 * @param {{ env?: NodeJS.ProcessEnv, probes?: typeof machineProbes, install?: () => void, log?: (line: string) => void }} [options]
 */
function ensureBrowser({ env = process.env, probes = machineProbes, install = aptInstallChromium, log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const settings = browserSettings(env);
  const first = decideBrowser(settings, probes);
  if (first.action !== 'install') return first;
  log(`[kuhina] chromium not found at ${settings.chromium}: installing Debian's chromium (${INSTALL_COMMAND}) for the browser suites…`);
  let installError;
  try {
    install();
  } catch (error) {
    installError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return decideBrowser(settings, probes, installError ?? `${settings.chromium} is still missing after the installation`);
}

/**
 * What a browser suite does: the global setup's outcome when it made one for this Chromium, else a decision of its own
 * (a suite never installs: several suites and workers would run apt-get at once).
 * @param {NodeJS.ProcessEnv} [env]
 * @param {typeof machineProbes} [probes]
 */
function browserForSuite(env = process.env, probes = machineProbes) {
  const settings = browserSettings(env);
  const handed = env[OUTCOME_ENV];
  if (handed) {
    try {
      const outcome = JSON.parse(handed);
      if (outcome && outcome.chromium === settings.chromium && ['use', 'skip', 'fail'].includes(outcome.action)) {
        // Re-checked: the browser may have appeared (or gone) since the global setup looked.
        return outcome.action === 'use' || !probes.exists(settings.chromium) ? outcome : decideBrowser(settings, probes);
      }
    } catch {
      // An unreadable hand-over: decide here.
    }
  }
  return decideBrowser(settings, probes, 'not tried: Jest\'s global setup (jest.global-setup.js) installs it before a run that includes a browser suite');
}

/**
 * Whether a Jest run may include a browser suite (so that `--selectProjects unit` or `--testPathPatterns workshops` never
 * installs a browser). When in doubt, yes.
 * @param {{ selectProjects?: string[], ignoreProjects?: string[], testPathPatterns?: { isSet(): boolean, toExecutor(o: { rootDir: string }): { isMatch(path: string): boolean } } } | undefined} globalConfig
 * @param {string} rootDir
 */
function runIncludesBrowserSuite(globalConfig, rootDir) {
  if (!globalConfig) return true;
  const selected = globalConfig.selectProjects;
  if (Array.isArray(selected) && selected.length > 0 && !selected.includes(BROWSER_PROJECT)) return false;
  if (Array.isArray(globalConfig.ignoreProjects) && globalConfig.ignoreProjects.includes(BROWSER_PROJECT)) return false;
  const patterns = globalConfig.testPathPatterns;
  try {
    if (patterns && typeof patterns.isSet === 'function' && patterns.isSet()) {
      const executor = patterns.toExecutor({ rootDir });
      return BROWSER_SUITES.some((suite) => executor.isMatch(join(rootDir, suite)));
    }
  } catch {
    return true;
  }
  return true;
}

/**
 * The line a reader of the test output must not miss when the browser suites do not run.
 * @param {{ action: string, reason?: string }} outcome
 */
function browserBanner(outcome) {
  const suites = BROWSER_SUITES.join(', ');
  if (outcome.action === 'skip') {
    return `Browser suite SKIPPED (${suites}): ${outcome.reason}. Install Debian's chromium (${INSTALL_COMMAND}) or set KUHINA_CHROMIUM; KUHINA_REQUIRE_BROWSER=1 turns this into a failure.`;
  }
  if (outcome.action === 'fail') {
    return `Browser suite FAILS (${suites}): ${outcome.reason}, and KUHINA_REQUIRE_BROWSER=1 forbids skipping it.`;
  }
  return '';
}

module.exports = {
  DEBIAN_CHROMIUM,
  BROWSER_SUITES,
  OUTCOME_ENV,
  browserSettings,
  decideBrowser,
  machineProbes,
  ensureBrowser,
  browserForSuite,
  runIncludesBrowserSuite,
  browserBanner,
};

if (require.main === module) {
  const outcome = ensureBrowser();
  console.log(outcome.action === 'use' ? `[kuhina] Chromium for the browser suites: ${outcome.chromium}` : `[kuhina] ${browserBanner(outcome)}`);
  process.exitCode = outcome.action === 'fail' ? 1 : 0;
}
