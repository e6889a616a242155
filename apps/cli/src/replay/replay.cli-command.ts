import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { exportNetwork, type NetworkExportFormat } from '@kuhina/analytics';
import { NetworkReader, ReadModelModule } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { asOfLimit, replayNetworkFromLog, type NetworkCut } from '@kuhina/read-model';
import { chainIdArgument } from '../cli-arguments';
import { withReadOnlyContext, type GlobalOptions } from '../cli-context';
import { LOG_POSITION, WORKSHOP_ROLES, type WorkshopRole } from '@kuhina/domain';

const FORMATS = ['gexf', 'graphml', 'csv', 'kumu', 'json'] as const;
type ReplayFormat = (typeof FORMATS)[number];

/** Logs longer than this get a progress bar (shorter ones replay in well under a second). */
const PROGRESS_FROM_EVENTS = 20_000;

const date = (value: string): string => {
  try {
    asOfLimit(value);
  } catch {
    throw new InvalidArgumentError('must be an ISO 8601 date (2023-05-31) or date-time');
  }
  return value;
};
const position = (value: string): bigint => {
  if (!LOG_POSITION.pattern.test(value)) throw new InvalidArgumentError(`must be ${LOG_POSITION.expected}`);
  return BigInt(value);
};
const roles = (value: string): WorkshopRole[] => {
  const listed = value.split(',').map((role) => role.trim());
  if (!listed.every((role) => (WORKSHOP_ROLES as readonly string[]).includes(role))) throw new InvalidArgumentError(`must be a comma-separated list of ${WORKSHOP_ROLES.join(', ')}`);
  return listed as WorkshopRole[];
};
const format = (value: string): ReplayFormat => {
  if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${FORMATS.join(', ')}`);
  return value as ReplayFormat;
};

/** `csv` is two lists: `<stem>-nodes.csv` and `<stem>-edges.csv` beside `--out`. */
function filesFor(replayFormat: ReplayFormat, out: string): Array<{ format: NetworkExportFormat; path: string }> {
  if (replayFormat !== 'csv') return [{ format: replayFormat, path: out }];
  const stem = join(dirname(out), basename(out, extname(out)));
  return [
    { format: 'csv-nodes', path: `${stem}-nodes.csv` },
    { format: 'csv-edges', path: `${stem}-edges.csv` },
  ];
}

/**
 * `kuhina replay`: replays the whole log, cut at a business date and/or a log position, through the live network
 * projections into a throw-away memory store, and writes the chain's network in an analyst's format.
 * People appear only as pseudonyms: this is the analysts' tool.
 */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description("replay the log into a chain's network as it stood at a date or position, and export it (people as pseudonyms)")
    .requiredOption('--chain <id>', 'the chain (UUID)', chainIdArgument)
    .option('--until <date>', "business date (end of that day, UTC) or date-time: what was dated by then (a workshop's facts by the workshop's date); default: everything", date)
    .option('--until-position <position>', 'log position to replay until', position)
    .option('--roles <roles>', `only the attendances of these roles, comma-separated (${WORKSHOP_ROLES.join(', ')}); default: all`, roles)
    .option('--format <format>', `${FORMATS.join(' | ')} (csv writes <out>-nodes.csv and <out>-edges.csv)`, format, 'json')
    .option('--out <file>', 'where to write; default: standard output (not for csv)')
    .option('--progress', 'always show the progress bar (default: only for logs over 20,000 events)')
    .action(async (options: { chain: string; until?: string; untilPosition?: bigint; roles?: WorkshopRole[]; format: ReplayFormat; out?: string; progress?: boolean }, command: Command) => {
      if (options.format === 'csv' && options.out === undefined) throw new Error('--format csv writes two files: give --out <file>');
      const cut: NetworkCut = {
        ...(options.until === undefined ? {} : { asOf: options.until }),
        ...(options.untilPosition === undefined ? {} : { untilPosition: options.untilPosition }),
        ...(options.roles === undefined ? {} : { roles: options.roles }),
      };
      await withReadOnlyContext(
        command.optsWithGlobals<GlobalOptions>(),
        async (app) => {
          const events = app.get<EventStore>(EVENT_STORE);
          const head = (await events.headPosition()) ?? 0n;
          const bar =
            options.progress || head > BigInt(PROGRESS_FROM_EVENTS)
              ? new SingleBar({ format: ' replaying |{bar}| {percentage}% | {value}/{total} | {eps} events/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, noTTYOutput: options.progress === true }, Presets.shades_classic)
              : null;
          const started = Date.now();
          let read = 0;
          bar?.start(Number(head), 0, { eps: 0 });
          const replayed = await replayNetworkFromLog(events, options.chain, cut, (count, at) => {
            read = count;
            bar?.update(Number(at), { eps: Math.round(count / Math.max(0.001, (Date.now() - started) / 1000)) });
          });
          bar?.stop();
          const answer = await app.get(NetworkReader).render(replayed, { revealPeople: false });
          const written: string[] = [];
          for (const file of filesFor(options.format, options.out ?? '-')) {
            const exported = exportNetwork(answer, file.format);
            if (file.path === '-') process.stdout.write(exported.body);
            else {
              writeFileSync(file.path, exported.body);
              written.push(file.path);
            }
          }
          const seconds = (Date.now() - started) / 1000;
          // The store hands the replay only the events of the network's types: `read` counts those.
          const summary = `Replayed ${read} network events in ${seconds.toFixed(1)} s: ${answer.nodes.length} nodes, ${answer.edges.length} edges up to position ${answer.lastPosition}`;
          // With the network on stdout, the summary goes to stderr so the output stays a clean file.
          if (written.length === 0) console.error(summary);
          else console.log(`${summary}; wrote ${written.join(', ')}`);
        },
        (config) => [ReadModelModule.forRoot(config, { runProjector: false })],
      );
    });
}
