import { ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '../problem/http-problems';

/** A path id that is not a UUID is a 400 naming the parameter, like any other field. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: `param.${name}`, rule: 'isUUID', message: `${name} must be a UUID` }]) });
