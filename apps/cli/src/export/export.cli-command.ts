import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { NETWORK_EXPORT_FORMATS, type NetworkExport, type NetworkExportFormat } from '@kuhina/analytics';
import { LEDGER_FORMATS, PRIVACY_SECRETS, ReadModelModule, ReadTaskRunner, type LedgerFormat } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import type { PrivacySecrets } from '@kuhina/privacy';
import { READ_STORE, type ReadStore } from '@kuhina/read-model';
import { chainIdArgument } from '../cli-arguments';
import { withReadOnlyContext, type GlobalOptions } from '../cli-context';

const WHAT = ['network', 'ledger', 'indicators'] as const;
type What = (typeof WHAT)[number];
const FORMATS: Readonly<Record<What, readonly string[]>> = { network: NETWORK_EXPORT_FORMATS, ledger: LEDGER_FORMATS, indicators: ['json'] };


/**
 * `kuhina export network|ledger|indicators --chain <id>`: the analysts' and auditors' files as they stand now, without the API
 * (people only as pseudonyms). For the network as it stood at a date, `kuhina replay`.
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write a chain's network (gexf, graphml, csv-nodes, csv-edges, kumu, json), audit ledger (json, csv) or ESF indicators (json) to a file")
    .argument('<what>', WHAT.join(' | '))
    .requiredOption('--chain <id>', 'the chain (UUID)', chainIdArgument)
    .option('--format <format>', 'network: gexf | graphml | csv-nodes | csv-edges | kumu | json; ledger: json | csv (one row per item) | csv-history (one row per event); indicators: json', 'json')
    .option('--out <file>', 'where to write; default: standard output')
    .action(async (what: string, options: { chain: string; format: string; out?: string }, command: Command) => {
      if (!(WHAT as readonly string[]).includes(what)) throw new Error(`Unknown export ${what}; one of ${WHAT.join(', ')}`);
      const allowed = FORMATS[what as What];
      if (!allowed.includes(options.format)) throw new Error(`--format for ${what} must be one of ${allowed.join(', ')}`);
      await withReadOnlyContext(
        command.optsWithGlobals<GlobalOptions>(),
        async (app) => {
          // The same read tasks the API's read workers run, here in the CLI's own process; people only as pseudonyms.
          const reads = new ReadTaskRunner({ events: app.get<EventStore>(EVENT_STORE), views: app.get<ReadStore>(READ_STORE), pseudonymKey: app.get<PrivacySecrets>(PRIVACY_SECRETS).pseudonymKey });
          const chainId = options.chain;
          const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
          let body: string;
          if (what === 'network') {
            body = ((await reads.run({ kind: 'network', chainId, revealPeople: false, cut: {}, format: options.format as NetworkExportFormat })) as NetworkExport).body;
          } else if (what === 'ledger') {
            const ledger = await reads.run({ kind: 'ledger', chainId, revealPeople: false, format: options.format as LedgerFormat });
            body = typeof ledger === 'string' ? ledger : json(ledger);
          } else {
            body = json(await reads.run({ kind: 'indicators', chainId, revealPeople: false }));
          }
          if (options.out === undefined) process.stdout.write(body);
          else {
            writeFileSync(options.out, body);
            console.log(`Wrote the ${what} of chain ${options.chain} (${options.format}) to ${options.out}`);
          }
        },
        (config) => [ReadModelModule.forRoot(config, { runProjector: false })],
      );
    });
}
