import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@kuhina/application';
import { registerAuditVerify } from './audit-verify/audit-verify.cli-command';
import { registerSeedDemo } from './seed-demo/seed-demo.cli-command';
import { registerProjector } from './projector/projector.cli-command';
import { registerProjectionsRebuild } from './projections-rebuild/projections-rebuild.cli-command';
import { registerProjectionsStatus } from './projections-status/projections-status.cli-command';
import { registerReplay } from './replay/replay.cli-command';
import { registerAuditSeal } from './audit-seal/audit-seal.cli-command';
import { registerRetention } from './retention/retention.cli-command';
import { registerServe } from './serve/serve.cli-command';
import { registerExport } from './export/export.cli-command';
import { registerKeys } from './keys/keys.cli-command';

const program = new Command()
  .name('kuhina')
  .description('Kuhina back-office: event-sourced records of workshop chains (see README)')
  .option('--data-dir <dir>', 'embedded stores, keys and secrets (env KUHINA_DATA_DIR, default ./data)')
  .option('--kurrentdb-url <url>', 'use KurrentDB for the event log (env KURRENTDB_URL)')
  .option('--mongodb-url <url>', 'use MongoDB for the views (env MONGODB_URL)')
  .showHelpAfterError();

registerServe(program);
registerSeedDemo(program);
registerAuditVerify(program);
registerAuditSeal(program);
registerProjector(program);
const projections = program.command('projections').description('read-model maintenance: status, rebuild');
registerProjectionsStatus(projections);
registerProjectionsRebuild(projections);
registerReplay(program);
registerExport(program);
registerRetention(program);
registerKeys(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof Error ? error.message : error);
  process.exit(1);
});
