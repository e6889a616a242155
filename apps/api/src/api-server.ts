import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { loadDemoIfEmpty, type KuhinaConfig } from '@kuhina/application';
import { createApp } from './create-app';
import { API_KEY_SOURCE, type ApiKeySource } from './common/auth/auth.module';

/**
 * Runs the API until SIGINT/SIGTERM. The one way to start it, shared by both apps: `npm start` (apps/api/src/main.ts)
 * and `kuhina serve` (apps/cli) call it after checking the data folder (`ensureDataDir`).
 */
export async function serve(config: KuhinaConfig): Promise<void> {
  const app = await createApp(config);
  // Our own signal handling (not Nest's, which re-raises the signal): stop taking requests, let the
  // running ones finish, close the stores (their onApplicationShutdown), then exit 0.
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      console.log(`${signal}: shutting down…`);
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  await app.init(); // registers the CQRS handlers before the demo dispatches commands
  const demo = await loadDemoIfEmpty(app, config, app.get(CommandBus), (line) => console.log(line));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host}:${config.port}`;
  console.log(`Kuhina is listening on ${url}`);
  console.log(`  API docs:  ${url}/docs   (OpenAPI JSON: ${url}/docs/json)`);
  console.log(`  health:    ${url}/health`);
  console.log(`  network:   ${url}/ui/network   (the analysts' page; pick a chain, give it a key)`);
  console.log(`  API keys:  ${app.get<ApiKeySource>(API_KEY_SOURCE).description}`);
  console.log(`  data:      ${config.dataDir}${config.kurrentdbUrl ? ' (events in KurrentDB)' : ' (embedded SQLite)'}`);
  if (demo) console.log(`  demo:      the 2023 chain ${demo.chainId} was loaded (${demo.commands} commands)`);
}
