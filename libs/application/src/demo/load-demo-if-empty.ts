import type { INestApplicationContext } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import type { KuhinaConfig } from '../kuhina-config';
import { seedDemo, type SeedReport } from './seed-demo';

/** On first start with an empty log (and KUHINA_DEMO not 0), load the 2023 demo chain. */
export async function loadDemoIfEmpty(
  app: INestApplicationContext,
  config: KuhinaConfig,
  bus: CommandBus,
  log: (line: string) => void,
): Promise<SeedReport | null> {
  if (!config.demo) return null;
  const store = app.get<EventStore>(EVENT_STORE);
  if ((await store.headPosition()) !== null) return null;
  log('Empty event store: loading the 2023 demo chain (KUHINA_DEMO=0 to start empty)…');
  return seedDemo(bus);
}
