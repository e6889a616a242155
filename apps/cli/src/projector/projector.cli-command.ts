import type { Command } from 'commander';
import { NestFactory } from '@nestjs/core';
import { KuhinaCoreModule, PROJECTOR, ReadModelModule } from '@kuhina/application';
import type { Projector } from '@kuhina/read-model';
import { CLI_CONTEXT_OPTIONS, configFrom, type GlobalOptions } from '../cli-context';

/** `kuhina projector`: the projector as its own process (production profile); runs until SIGINT/SIGTERM. */
export function registerProjector(program: Command): void {
  program
    .command('projector')
    .description('run the projector as its own process: keeps the views (SQLite or MongoDB) up to date with the log until stopped')
    .action(async (_options: unknown, command: Command) => {
      const config = configFrom(command.optsWithGlobals<GlobalOptions>());
      const app = await NestFactory.createApplicationContext(
        { module: class ProjectorProcess {}, imports: [KuhinaCoreModule.forRoot(config), ReadModelModule.forRoot(config, { runProjector: true })] },
        CLI_CONTEXT_OPTIONS,
      );
      await app.init();
      const projector = app.get<Projector>(PROJECTOR);
      console.log(`Projector running (views in ${config.mongodbUrl ? 'MongoDB' : config.dataDir}); position ${projector.position ?? '-'}`);
      // The store's polling timers are unref'd (they must not keep a CLI alive); this process lives until told to stop.
      const keepAlive = setInterval(() => undefined, 60_000);
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      clearInterval(keepAlive);
      await app.close();
      console.log(`Projector stopped at position ${projector.position ?? '-'}`);
    });
}
