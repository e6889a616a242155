import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { localDate, PersonalDataEraser, retentionDate, RetentionRun, type RetentionReport } from '@kuhina/application';
import { CommandHandler, EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { KEY_STORE, type KeyStore } from '@kuhina/privacy';
import { withContext, type GlobalOptions } from '../cli-context';

interface RetentionOptions {
  dryRun?: boolean;
  today?: string;
  json?: boolean;
}

/** `kuhina retention run [--dry-run] [--today YYYY-MM-DD] [--json]` */
export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('ESF+ retention of personal data');
  retention
    .command('run')
    .description(
      'erase the personal data of everyone whose chains are all past their ESF+ retention end (31 December, five years after the year of the last payment), as POST /people/:id/erase does, with actor "retention"',
    )
    .option('--dry-run', 'list the people (by id) whose data may go, and change nothing')
    .option('--today <date>', 'reference date YYYY-MM-DD (default: today, local time)')
    .option('--json', 'machine-readable report')
    .action(async (options: RetentionOptions, command: Command) => {
      // Checked before opening any store: a typo must not become a run on another date.
      const today = retentionDate(options.today ?? localDate(new Date()));
      const report = await withContext(command.optsWithGlobals<GlobalOptions>(), async (app) => {
        const store = app.get<symbol, EventStore>(EVENT_STORE);
        const eraser = new PersonalDataEraser(app.get(CommandHandler), store, app.get<symbol, KeyStore>(KEY_STORE));
        const bar = new SingleBar({ format: ' {step} |{bar}| {value}/{total}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
        const showProgress = process.stderr.isTTY === true && !options.json;
        let started = false;
        const result = await new RetentionRun(store, eraser).run(today, {
          dryRun: options.dryRun === true,
          onProgress: ({ step, done, total }) => {
            if (!showProgress || step !== 'erasing') return;
            if (!started) bar.start(total, 0, { step });
            started = true;
            bar.update(done, { step });
          },
        });
        if (started) bar.stop();
        return result;
      });
      console.log(options.json ? JSON.stringify(report) : describe(report).join('\n'));
    });
}

function describe(report: RetentionReport): string[] {
  const over = report.chains.filter((chain) => chain.over);
  const lines = [
    `Retention on ${report.today}${report.dryRun ? ' (dry run: nothing changed)' : ''}: ${report.eventsRead} events read`,
    `Chains past their retention end: ${over.length} of ${report.chains.length}`,
    ...over.map((chain) => `  ${chain.chainId}  retention ended ${chain.retentionEndsOn}`),
    `People whose personal data may go (ids; the back office resolves them with GET /people/:id): ${report.due.length}`,
    ...report.due.map((person) => `  ${person.personId}  chains: ${person.chains.map((chain) => `${chain.chainId} (ended ${chain.retentionEndsOn})`).join(', ')}`),
  ];
  if (!report.dryRun) {
    lines.push(`Erased ${report.erased.length} people (actor retention).`);
    if (report.completed.length > 0) lines.push(`Finished ${report.completed.length} earlier erasures whose key or e-mail reservation had survived: ${report.completed.join(', ')}`);
  }
  return lines;
}
