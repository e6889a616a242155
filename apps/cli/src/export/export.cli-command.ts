import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportNetwork, NETWORK_EXPORT_FORMATS, type NetworkExportFormat } from '@kuhina/analytics';
import { AuditReader, ledgerHistoryCsv, ledgerItemsCsv, NetworkReader, PRIVACY_SECRETS, ReadModelModule } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import type { PrivacySecrets } from '@kuhina/privacy';
import { chainIdArgument } from '../cli-arguments';
import { withReadOnlyContext, type GlobalOptions } from '../cli-context';

const WHAT = ['network', 'ledger', 'indicators'] as const;
type What = (typeof WHAT)[number];
const FORMATS: Readonly<Record<What, readonly string[]>> = { network: NETWORK_EXPORT_FORMATS, ledger: ['json', 'csv', 'csv-history'], indicators: ['json'] };


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
          const audience = { revealPeople: false };
          let body: string;
          if (what === 'network') {
            body = exportNetwork(await app.get(NetworkReader).read(options.chain, audience), options.format as NetworkExportFormat).body;
          } else {
            const audit = new AuditReader(app.get<EventStore>(EVENT_STORE), app.get<PrivacySecrets>(PRIVACY_SECRETS).pseudonymKey);
            if (what === 'ledger') {
              const ledger = await audit.ledger(options.chain, audience);
              body = options.format === 'json' ? `${JSON.stringify(ledger, null, 2)}\n` : options.format === 'csv' ? ledgerItemsCsv(ledger) : ledgerHistoryCsv(ledger);
            } else {
              body = `${JSON.stringify(await audit.indicators(options.chain, audience), null, 2)}\n`;
            }
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
