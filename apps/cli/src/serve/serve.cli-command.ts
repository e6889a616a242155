import type { Command } from 'commander';
import { wholeNumberArgument } from '../cli-arguments';
import { serve } from '../../../api/src/api-server';
import { configFrom, type GlobalOptions } from '../cli-context';

const port = wholeNumberArgument(0, 65535, 'must be a port number 0–65535');
const days = wholeNumberArgument(0, 99_999, 'must be a whole number of days');

/** `kuhina serve`: the HTTP API (the same as `npm start` without the build), with the global flags for its stores. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (loads the 2023 demo on first start with an empty log, unless KUHINA_DEMO=0)')
    .option('--port <port>', 'where to listen (env PORT, default 3000)', port)
    .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1)')
    .option('--backdate-margin-days <days>', 'a write without occurredAt whose date cannot be inferred is refused when what it is about lies further back (env KUHINA_BACKDATE_MARGIN_DAYS, default 30)', days)
    .action(async (options: { port?: number; host?: string; backdateMarginDays?: number }, command: Command) => {
      const config = configFrom(command.optsWithGlobals<GlobalOptions>());
      await serve({
        ...config,
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.host === undefined ? {} : { host: options.host }),
        ...(options.backdateMarginDays === undefined ? {} : { backdateMarginDays: options.backdateMarginDays }),
      });
    });
}
