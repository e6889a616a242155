import { getMetadataStorage } from 'class-validator';

/**
 * UUIDs are case-insensitive on input (RFC 9562), but streams and views are keyed by their lower-case text: an id
 * pasted in upper case (a spreadsheet, a .NET client) found nothing (404) and, for a client-chosen id, could start a
 * second chain under "the same" id. So every id a DTO validates as a UUID is lower-cased once it has passed, here,
 * walking nested DTOs (`@ValidateNested`) and arrays (`each: true`); free text is never touched.
 */
export function lowercaseUuids(dto: unknown): void {
  if (typeof dto !== 'object' || dto === null) return;
  if (Array.isArray(dto)) {
    for (const item of dto) lowercaseUuids(item);
    return;
  }
  const record = dto as Record<string, unknown>;
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(dto.constructor, '', true, false, undefined)) {
    const value = record[metadata.propertyName];
    if (metadata.type === 'nestedValidation') lowercaseUuids(value);
    else if (metadata.name === 'isUuid') record[metadata.propertyName] = lowercased(value);
  }
}

const lowercased = (value: unknown): unknown =>
  typeof value === 'string' ? value.toLowerCase() : Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.toLowerCase() : item)) : value;
