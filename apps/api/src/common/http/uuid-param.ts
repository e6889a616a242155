import { ParseUUIDPipe, type ArgumentMetadata } from '@nestjs/common';
import { RequestValidationError } from '../problem/http-problems';

/** A UUID path id, lower-cased (UUIDs are case-insensitive; streams and views are keyed by the lower-case text). */
class LowercaseUuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    // The parent refuses anything that is not a UUID, so what it hands back is a string.
    return String(await super.transform(value, metadata)).toLowerCase();
  }
}

/** A path id that is not a UUID is a 400 naming the parameter, like any other field. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new LowercaseUuidPipe({ exceptionFactory: () => new RequestValidationError([{ field: `param.${name}`, rule: 'isUUID', message: `${name} must be a UUID` }]) });
