import { EventEmitter } from 'node:events';
import { KurrentDbEventStorage } from './kurrentdb-event-storage';

// The live subscription's restart, against what the client documents for `subscribeToAll`: a Node stream that emits
// 'data', 'confirmation', 'error', and, when the server ends the call cleanly, 'end' and 'close'. No server: the client's
// subscriptions are stood in for by emitters; nothing here claims to test KurrentDB itself.
describe('KurrentDbEventStorage live subscription', () => {
  function withSubscriptions() {
    const opened: EventEmitter[] = [];
    const sut = new KurrentDbEventStorage({ connectionString: 'kurrentdb://localhost:2113?tls=false', resubscribeDelayMs: 1 });
    const client = {
      subscribeToAll: () => {
        const subscription = Object.assign(new EventEmitter(), { unsubscribe: async () => undefined });
        opened.push(subscription);
        return subscription;
      },
      dispose: async () => undefined,
    };
    Object.defineProperty(sut, 'client', { value: client });
    return { sut, opened };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

  it.each(['end', 'close', 'error'])("subscribes again after the subscription's '%s'", async (name) => {
    const { sut, opened } = withSubscriptions();
    const heard: bigint[] = [];
    sut.subscribe((position) => heard.push(position));

    opened[0]!.emit(name, name === 'error' ? new Error('unavailable') : undefined);
    await tick();
    opened[1]!.emit('data', { event: { streamId: 'workshop-1', type: 'Noted', position: { commit: 42n, prepare: 42n } } });

    expect(opened).toHaveLength(2);
    expect(heard).toEqual([42n]);
    await sut.close();
  });

  it("restarts once when 'end' and 'close' both come, and not at all after close()", async () => {
    const { sut, opened } = withSubscriptions();
    sut.subscribe(() => undefined);

    opened[0]!.emit('end');
    opened[0]!.emit('close');
    await tick();
    expect(opened).toHaveLength(2);
    await sut.close();
    opened[1]!.emit('close');
    await tick();
    expect(opened).toHaveLength(2);
  });
});
