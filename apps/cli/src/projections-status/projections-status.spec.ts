import { projectionState } from './projections-status.cli-command';

describe('projectionState', () => {
  it.each([
    [2, 2, 951n, 951n, 'caught-up'],
    [2, 2, 900n, 951n, 'behind'],
    [2, null, null, 951n, 'empty'],
    [2, 2, null, 951n, 'empty'],
    [2, null, null, null, 'caught-up'],
    [2, 1, 951n, 951n, 'older-version'],
    [2, 3, 951n, 951n, 'newer-version'],
    [2, 3, null, 951n, 'newer-version'],
  ] as const)('code v%i, stored v%s, checkpoint %s, head %s: %s', (version, stored, position, head, state) => {
    expect(projectionState(version, stored, position, head)).toBe(state);
  });
});
