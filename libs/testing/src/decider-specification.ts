import type { Decider } from '@kuhina/domain';
import { DomainError } from '@kuhina/domain';

/**
 * Given-When-Then for deciders: `given` past events, `when` a command, `then` the new events
 * or `thenThrows` a domain error code. State is rebuilt by folding `evolve`, exactly as the
 * command handler does, so the spec exercises evolve and decide together.
 */
export const DeciderSpecification = {
  for<C, E, S>(decider: Decider<C, E, S>) {
    return {
      given(events: E[]) {
        return {
          when(command: C) {
            const run = (): E[] => {
              const state = events.reduce(decider.evolve, decider.initialState);
              return decider.decide(command, state);
            };
            return {
              then(expected: E[]): void {
                expect(run()).toEqual(expected);
              },
              thenThrows(code: string): void {
                let caught: unknown;
                try {
                  run();
                } catch (error) {
                  caught = error;
                }
                expect(caught).toBeInstanceOf(DomainError);
                expect((caught as DomainError).code).toBe(code);
              },
              thenNothingHappens(): void {
                expect(run()).toEqual([]);
              },
            };
          },
        };
      },
    };
  },
};
