import { InvalidArgumentError } from 'commander';
import { isUuid } from '@kuhina/event-store';

/** commander argument parsers shared by the commands: a bad value stops the command with a message naming the rule. */
export const chainIdArgument = (value: string): string => {
  if (!isUuid(value)) throw new InvalidArgumentError('must be a chain id (UUID)');
  // Case-insensitive like every UUID; streams and views are keyed by the lower-case text.
  return value.toLowerCase();
};

/**
 * A whole number from `min` to `max`, written in digits only: Number('') would be 0 (`--port ''` served on a random
 * port), Number('1e3') 1000, Number('0x50') 80.
 */
export const wholeNumberArgument =
  (min: number, max: number, message = `must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`) =>
  (value: string): number => {
    const parsed = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) throw new InvalidArgumentError(message);
    return parsed;
  };
