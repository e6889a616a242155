import { InvalidArgumentError, type Command } from 'commander';
import { serve } from '../../../api/src/main';
import { configFrom, type GlobalOptions } from '../cli-context';

const port = (value: string): number => {
  // Digits only: Number('') is 0 (a random port, silently), Number('1e3') is 1000.
  const parsed = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(parsed <= 65535)) throw new InvalidArgumentError('must be a port number 0–65535');
  return parsed;
};

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
