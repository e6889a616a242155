import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { KuhinaCoreModule, loadConfig, type KuhinaConfig } from '@kuhina/application';

export interface GlobalOptions {
  dataDir?: string;
  kurrentdbUrl?: string;
}

export function configFrom(options: GlobalOptions): KuhinaConfig {
  return loadConfig(process.env, { dataDir: options.dataDir, kurrentdbUrl: options.kurrentdbUrl });
}

/** The same write side as the API (event store, command handlers, vault), without HTTP. */
export async function withContext<T>(options: GlobalOptions, work: (app: INestApplicationContext, config: KuhinaConfig) => Promise<T>): Promise<T> {
  const config = configFrom(options);
  const app = await NestFactory.createApplicationContext(KuhinaCoreModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    return await work(app, config);
  } finally {
    await app.close();
  }
}
