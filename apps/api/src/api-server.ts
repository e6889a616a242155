import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { SECRETS_ORIGIN, STARTUP_INTEGRITY_CHECK, loadDemoIfEmpty, type KuhinaConfig, type StartupCheckState, type StartupIntegrityCheck } from '@kuhina/application';
import { describeSecretsOrigin, type SecretsOrigin } from '@kuhina/privacy';
import { createApp } from './create-app';
import { demoFormPath } from './public-form/demo-form-link';
import { API_KEY_SOURCE, type ApiKeySource } from './common/auth/auth.module';
import { loadHttpLimits } from './common/http/http-limits';

/** After the grace period, how long closing the stores may take before the process gives up on them. */
const STORE_CLOSE_MS = 10_000;

/**
 * Runs the API until SIGINT/SIGTERM. The one way to start it, shared by both apps: `npm start` (apps/api/src/main.ts)
 * and `kuhina serve` (apps/cli) call it after checking the data folder (`ensureDataDir`).
 */
export async function serve(config: KuhinaConfig): Promise<void> {
  const limits = loadHttpLimits();
  const app = await createApp(config, { limits });
  // Our own signal handling (not Nest's, which re-raises the signal): stop taking requests, let the running ones
  // finish for up to the grace period, then cut what is left (a stalled upload, a slow client), close the stores
  // (their onApplicationShutdown) and exit 0. Nothing acknowledged is lost: a write answers only once committed, and
  // a request cut at the deadline was never answered.
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      console.log(`${signal}: shutting down (running requests have ${limits.shutdownGraceMs} ms)…`);
      const server = app.getHttpAdapter().getInstance().server;
      const cut = setTimeout(() => {
        console.log('shutdown: grace period over, closing the remaining connections');
        server.closeAllConnections();
      }, limits.shutdownGraceMs);
      // The HTTP server first, so that no request runs while the application's own hooks take it apart.
      // A keep-alive connection whose request finishes during the grace period is closed as soon as it is idle.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve(); // a signal during start-up: nothing to wait for
        server.close(() => resolve());
        server.closeIdleConnections();
      })
        .then(() => {
          clearTimeout(cut);
          clearInterval(sweep);
          // Last resort: stores that do not close in time must not keep the process alive forever.
          setTimeout(() => {
            console.error('shutdown: the stores did not close in time');
            process.exit(1);
          }, STORE_CLOSE_MS).unref();
          return app.close();
        })
        .then(
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
  console.log(`  integrity: ${describeStartUpCheck(app.get<symbol, StartupIntegrityCheck | null>(STARTUP_INTEGRITY_CHECK)?.status ?? null)}`);
  if (demo) console.log(`  demo:      the 2023 chain ${demo.chainId} was loaded (${demo.commands} commands)`);
  const form = await demoFormPath(app);
  if (form) console.log(`  form:      ${url}${form}   (the demo's next webinar: register without a key; ?lang=en for English)`);
  // Last, so a warning that the keys sit beside the data is the line left on screen.
  for (const line of describeSecretsOrigin(app.get<symbol, SecretsOrigin>(SECRETS_ORIGIN))) console.log(`  secrets:   ${line}`);
}

/** The banner's line on the start-up integrity check (which runs in the background: on a long log it is still running here). */
function describeStartUpCheck(status: StartupCheckState | null): string {
  if (status === null) return 'not checked in this process (the projector process checks the log at its start)';
  switch (status.state) {
    case 'pending':
    case 'running':
      return 'checking the log since the last seal in the background; /health shows the result';
    case 'failed':
      return `the start-up check failed (${status.message}); /health shows it`;
    case 'done': {
      const scope = status.seal ? `since the seal at position ${status.seal.position}` : 'whole log, no seal yet';
      const altered = status.breaks > 0 || (status.seal !== null && !status.seal.intact);
      return altered
        ? `THE LOG WAS ALTERED (${status.breaks} broken stream(s)${status.seal && !status.seal.intact ? ', last seal does not match' : ''}); /health names the events`
        : `log verified at start-up (${scope}: ${status.hashed} events hashed, ${status.ms} ms), intact`;
    }
  }
}
