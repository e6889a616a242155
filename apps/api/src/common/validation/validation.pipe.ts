import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { RequestValidationError } from '../problem/http-problems';
import type { FieldError } from '../problem/problem-details';
import { lowercaseUuids } from './lowercase-uuids';

/** Flattens class-validator's tree into one entry per field and rule, with the field's full path. */
export function flattenValidationErrors(errors: ValidationError[], prefix: string): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field: path, rule, message: rule === 'whitelistValidation' ? `${path} is not a known field` : message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

/** Names fields after where they came from: `body.x`, `query.x`, `param.x`. */
class KuhinaValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Nest turns a `null` body into `{}` before validating: a command whose fields are all optional would then take
    // `null`, `[]` or `42` for "nothing to say". A body, when there is one, must be a JSON object; no body at all stays fine.
    if (metadata.type === 'body' && metadata.metatype && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new RequestValidationError([{ field: 'body', rule: 'isObject', message: 'the body must be a JSON object' }]);
    }
    try {
      const dto: unknown = await super.transform(value, metadata);
      lowercaseUuids(dto);
      return dto;
    } catch (error) {
      if (error instanceof RequestValidationError && metadata.type !== 'body') {
        throw new RequestValidationError(error.errors.map((e) => ({ ...e, field: e.field.replace(/^body/, metadata.type), message: e.message.replace(/^body/, metadata.type) })));
      }
      throw error;
    }
  }
}

/** whitelist + forbidNonWhitelisted: an unknown field is an error, never silently dropped. */
export const createValidationPipe = (): ValidationPipe =>
  new KuhinaValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const flattened = flattenValidationErrors(errors, 'body');
      return new RequestValidationError(flattened.length > 0 ? flattened : [{ field: 'body', rule: 'isObject', message: 'the body must be a JSON object' }]);
    },
  });
