import { InvalidArgumentError } from 'commander';
import { isUuid } from '@kuhina/event-store';

/** commander argument parsers shared by the commands: a bad value stops the command with a message naming the rule. */
export const chainIdArgument = (value: string): string => {
  if (!isUuid(value)) throw new InvalidArgumentError('must be a chain id (UUID)');
  // Case-insensitive like every UUID; streams and views are keyed by the lower-case text.
  return value.toLowerCase();
};

/** A count of 1 or more, within `max`. */
export const positiveIntegerArgument =
  (max: number) =>
  (value: string): number => {
    const parsed = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < 1 || parsed > max) throw new InvalidArgumentError(`must be a whole number from 1 to ${max.toLocaleString('en')}`);
    return parsed;
  };
