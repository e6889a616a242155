import type { Rating } from '../workshop-chain.view';

/** Helpers shared by the figures of every area. */

export const valuesOf = <T>(map: Record<string, T>): T[] => Object.values(map);

export function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let sum = 0;
  for (const item of items) sum += value(item);
  return sum;
}

export const RATINGS: readonly Rating[] = ['1', '2', '3', '4', '5'];
