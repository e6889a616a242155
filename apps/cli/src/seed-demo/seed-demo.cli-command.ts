import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { seedDemo } from '@kuhina/application';
import { withContext, type GlobalOptions } from '../cli-context';

export function registerSeedDemo(program: Command): void {
  program
    .command('seed')
    .description('load demo data')
    .command('demo')
    .description('load the real 2023 chain of five workshops through the command handlers (idempotent: a second run appends nothing)')
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withContext(globals, async (app, config) => {
        const bar = new SingleBar({ format: ' {step} |{bar}| {value}/{total}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
        let step = '';
        const report = await seedDemo(app.get(CommandBus), (p) => {
          if (p.step !== step) {
            if (step) bar.stop();
            step = p.step;
            bar.start(p.total, 0, { step });
          }
          bar.update(p.done, { step });
        });
        bar.stop();
        console.log(`Demo chain ${report.chainId} in ${config.kurrentdbUrl ? 'KurrentDB' : config.dataDir}`);
        console.log(`  ${report.commands} commands, ${report.appended} of them appended events (0: the demo was already loaded)`);
        console.log(`  ${report.organizations} organisations, ${report.people} people, ${report.registrations} registrations`);
        console.log(`  log position ${report.lastPosition ?? '-'}`);
      });
    });
}
