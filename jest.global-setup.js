// Printed once per run, whatever Jest does with the console of skipped suites: a reader of the
// test output must see plainly which suites did not run, and why.
const browser = require('./scripts/browser');

module.exports = async (globalConfig) => {
  const skipped = [];
  if (!process.env.KURRENTDB_URL) skipped.push('KurrentDB event-store contract suite SKIPPED: KURRENTDB_URL is not set (no KurrentDB server on this machine; see README "Production").');
  if (!process.env.MONGODB_URL) skipped.push('MongoDB read-store contract suite SKIPPED: MONGODB_URL is not set (no MongoDB server on this machine; see README "Production").');
  // The browser suites: find Chromium, or install Debian's where this machine allows it, or say why they skip (or fail,
  // with KUHINA_REQUIRE_BROWSER=1). Only for a run that may include them: a unit run installs nothing.
  // The outcome goes to the suites through the environment, which Jest's workers inherit.
  if (browser.runIncludesBrowserSuite(globalConfig, __dirname)) {
    const outcome = browser.ensureBrowser();
    process.env[browser.OUTCOME_ENV] = JSON.stringify(outcome);
    if (outcome.action !== 'use') skipped.push(browser.browserBanner(outcome));
  }
  for (const line of skipped) process.stdout.write(`\n[kuhina] ${line}\n`);
};
