import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { KuhinaCoreModule, ensureDataDir, loadConfig, type KuhinaConfig } from '@kuhina/application';

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
  try {
    return await work(app, config);
  } finally {
    await app.close();
  }
}
