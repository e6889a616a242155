import type { Command } from 'commander';
import { wholeNumberArgument } from '../cli-arguments';
import { serve } from '../../../api/src/api-server';
import { configFrom, type GlobalOptions } from '../cli-context';

const port = wholeNumberArgument(0, 65535, 'must be a port number 0–65535');

/** `kuhina serve`: the HTTP API (the same as `npm start` without the build), with the global flags for its stores. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (loads the 2023 demo on first start with an empty log, unless KUHINA_DEMO=0)')
    .option('--port <port>', 'where to listen (env PORT, default 3000)', port)
    .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1)')
    .action(async (options: { port?: number; host?: string }, command: Command) => {
      const config = configFrom(command.optsWithGlobals<GlobalOptions>());
      await serve({ ...config, ...(options.port === undefined ? {} : { port: options.port }), ...(options.host === undefined ? {} : { host: options.host }) });
    });
}
