import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { KuhinaCoreModule, loadConfig, type KuhinaConfig } from '@kuhina/application';

export interface GlobalOptions {
  dataDir?: string;
  kurrentdbUrl?: string;
  mongodbUrl?: string;
}

export function configFrom(options: GlobalOptions): KuhinaConfig {
  return loadConfig(process.env, { dataDir: options.dataDir, kurrentdbUrl: options.kurrentdbUrl, mongodbUrl: options.mongodbUrl });
}

/** The same write side as the API (event store, command handlers, vault), without HTTP. */
export async function withContext<T>(
  options: GlobalOptions,
  work: (app: INestApplicationContext, config: KuhinaConfig) => Promise<T>,
  extra: (config: KuhinaConfig) => DynamicModule[] = () => [],
): Promise<T> {
  const config = configFrom(options);
  const app = await NestFactory.createApplicationContext({ module: class CliContext {}, imports: [KuhinaCoreModule.forRoot(config), ...extra(config)] }, { logger: ['error', 'warn'] });
  try {
    return await work(app, config);
  } finally {
    await app.close();
  }
}
