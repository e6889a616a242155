import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { ConfigError, KuhinaCoreModule, SECRETS_ORIGIN, ensureDataDir, loadConfig, type KuhinaConfig } from '@kuhina/application';
import { describeSecretsOrigin, type SecretsOrigin } from '@kuhina/privacy';

export interface GlobalOptions {
  dataDir?: string;
  kurrentdbUrl?: string;
  mongodbUrl?: string;
}

export function configFrom(options: GlobalOptions): KuhinaConfig {
  const config = loadConfig(process.env, { dataDir: options.dataDir, kurrentdbUrl: options.kurrentdbUrl, mongodbUrl: options.mongodbUrl });
  ensureDataDir(config);
  return config;
}

/**
 * Nest's own handling of a failing start logs a stack trace and exits; with `abortOnError: false` the error reaches
 * the command line's one-line report instead (a bad data folder, an unreachable store).
 */
export const CLI_CONTEXT_OPTIONS = { logger: ['error', 'warn'] as ('error' | 'warn')[], abortOnError: false };

/** The same write side as the API (event store, command handlers, vault), without HTTP. */
export async function withContext<T>(
  options: GlobalOptions,
  work: (app: INestApplicationContext, config: KuhinaConfig) => Promise<T>,
  extra: (config: KuhinaConfig) => DynamicModule[] = () => [],
): Promise<T> {
  const config = configFrom(options);
  const app = await NestFactory.createApplicationContext({ module: class CliContext {}, imports: [KuhinaCoreModule.forRoot(config), ...extra(config)] }, CLI_CONTEXT_OPTIONS);
  // A command that found no secrets generated them beside the data, as `npm start` does: say so as plainly (on stderr,
  // apart from the command's own output, which scripts read).
  const origin = app.get<symbol, SecretsOrigin>(SECRETS_ORIGIN);
  if (origin.kind === 'data-folder' && origin.generated) for (const line of describeSecretsOrigin(origin)) console.error(line);
  try {
    return await work(app, config);
  } finally {
    await app.close();
  }
}

/**
 * For the commands that only read (audit verify, projections status, export, replay): the log must already be there.
 * Checked before anything opens a store, because opening one creates it — an empty or mistyped folder would otherwise
 * get a new empty log and new secrets, and an auditor a false "Log intact: 0 events". With KurrentDB the log is on the
 * server, but the keys that open its personal data live in the folder: it must exist.
 */
export function requireEventLog(options: GlobalOptions): void {
  const config = loadConfig(process.env, { dataDir: options.dataDir, kurrentdbUrl: options.kurrentdbUrl, mongodbUrl: options.mongodbUrl });
  try {
    statSync(config.dataDir);
  } catch (error) {
    // A path that cannot be a folder (a file on the way, no permission) is said as for every other command.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') ensureDataDir(config);
  }
  const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();
  const isFolder = existsSync(config.dataDir) && statSync(config.dataDir).isDirectory();
  if (config.kurrentdbUrl ? !isFolder : !isFile(join(config.dataDir, 'events.db'))) {
    throw new ConfigError(`no event log at ${config.dataDir}${config.kurrentdbUrl ? ' (the data folder with the keys of the KurrentDB log is missing)' : ''}: give the data folder of an existing Kuhina with --data-dir or KUHINA_DATA_DIR; nothing was created`);
  }
}

/** `withContext` for a command that only reads: refuses (and creates nothing) where there is no event log. */
export async function withReadOnlyContext<T>(
  options: GlobalOptions,
  work: (app: INestApplicationContext, config: KuhinaConfig) => Promise<T>,
  extra: (config: KuhinaConfig) => DynamicModule[] = () => [],
): Promise<T> {
  requireEventLog(options);
  return withContext(options, work, extra);
}
