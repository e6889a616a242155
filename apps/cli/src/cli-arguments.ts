import { InvalidArgumentError } from 'commander';
import { isUuid } from '@kuhina/event-store';

/** commander argument parsers shared by the commands: a bad value stops the command with a message naming the rule. */
export const chainIdArgument = (value: string): string => {
  if (!isUuid(value)) throw new InvalidArgumentError('must be a chain id (UUID)');
  return value;
};
