import { deriveCommandId, deriveEventId } from './derive-event-id';

describe('deriveEventId', () => {
  const commandId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

  it('is stable for the same command, stream and index, so retries append nothing', () => {
    expect(deriveEventId(commandId, 'workshop-1', 0)).toBe(deriveEventId(commandId, 'workshop-1', 0));
  });

  it('differs by index, stream and command', () => {
    const ids = new Set([
      deriveEventId(commandId, 'workshop-1', 0),
      deriveEventId(commandId, 'workshop-1', 1),
      deriveEventId(commandId, 'workshop-2', 0),
      deriveEventId('2b4e28ba-2fa1-41d2-883f-0016d3cca427', 'workshop-1', 0),
      deriveCommandId(commandId, 'chain'),
    ]);
    expect(ids.size).toBe(5);
  });

  it('is a well-formed RFC 9562 UUID (version 8, RFC variant), as KurrentDB requires', () => {
    expect(deriveEventId(commandId, 'workshop-1', 3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
