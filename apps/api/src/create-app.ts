import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { KuhinaConfig } from '@kuhina/application';
import { AppModule } from './app.module';

/** Builds the HTTP app (Fastify) without listening, so tests and `main` start it the same way. */
export async function createApp(config: KuhinaConfig, options: { logger?: false } = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({ bodyLimit: 1024 * 1024 }), {
    logger: options.logger,
    abortOnError: false,
  });
  return app;
}
