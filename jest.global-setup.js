// Printed once per run, whatever Jest does with the console of skipped suites: a reader of the
// test output must see plainly which real-server suites did not run, and why.
module.exports = async () => {
  const skipped = [];
  if (!process.env.KURRENTDB_URL) skipped.push('KurrentDB event-store contract suite SKIPPED: KURRENTDB_URL is not set (no KurrentDB server on this machine; see README "Production").');
  if (!process.env.MONGODB_URL) skipped.push('MongoDB read-store contract suite SKIPPED: MONGODB_URL is not set (no MongoDB server on this machine; see README "Production").');
  for (const line of skipped) process.stdout.write(`\n[kuhina] ${line}\n`);
};
