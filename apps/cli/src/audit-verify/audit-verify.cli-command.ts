import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { EVENT_STORE, verifyAll, type ChainedEventStore } from '@kuhina/event-store';
import { withContext, type GlobalOptions } from '../cli-context';

export function registerAuditVerify(program: Command): void {
  const action = async (options: { json?: boolean }, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const intact = await withContext(globals, async (app) => {
      const store = app.get<ChainedEventStore>(EVENT_STORE);
      const bar = new SingleBar({ format: ' verifying |{bar}| {value} streams', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
      bar.start(0, 0);
      const result = await verifyAll(store.storage, (p) => {
        bar.setTotal(Math.max(p.streamsTotal, 1));
        bar.update(p.streamsChecked);
      });
      bar.stop();
      if (options.json) console.log(JSON.stringify(result));
      else if (result.intact) console.log(`Log intact: ${result.streams} streams, ${result.events} events, every hash and link recomputed.`);
      else
        console.log(
          `Log BROKEN at stream ${result.stream}, revision ${result.revision} (event ${result.eventId}): ${result.problem}; expected hash ${result.expectedHash}, found ${result.foundHash}`,
        );
      return result.intact;
    });
    if (!intact) process.exitCode = 1;
  };
  const audit = program.command('audit').description('auditor tools');
  audit.command('verify').description('recompute the hash chain of every stream; exit 1 and name the first broken link if the log was altered').option('--json', 'machine-readable result').action(action);
}
