import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, CommandHandler, SqliteEventStorage, type CommandContext, type RecordedEvent } from '@kuhina/event-store';

/**
 * A real embedded event store in a temporary folder, with the generic command handler over it:
 * use-case handler specs run against the same SQLite adapter as production's default.
 */
export async function eventStoreHarness(options: { clock?: () => Date } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-harness-'));
  const storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
  const store = new ChainedEventStore(storage);
  const handler = new CommandHandler(store, { clock: options.clock ?? (() => new Date('2026-11-27T08:00:00.000Z')) });
  return {
    dir,
    store,
    handler,
    context: (over: Partial<CommandContext> = {}): CommandContext => ({ commandId: randomUUID(), actor: 'test-office', correlationId: randomUUID(), ...over }),
    /** The events of one stream, as `{ type, data }`, for Then-assertions. */
    async eventsOf(stream: string): Promise<Array<Pick<RecordedEvent, 'type' | 'data'>>> {
      return (await store.readStream(stream)).map(({ type, data }) => ({ type, data }));
    },
    async cleanup(): Promise<void> {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type EventStoreHarness = Awaited<ReturnType<typeof eventStoreHarness>>;
