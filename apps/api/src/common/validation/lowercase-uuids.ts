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
  for (const { property, nested } of uuidFieldsOf(dto.constructor)) {
    if (nested) lowercaseUuids(record[property]);
    else record[property] = lowercased(record[property]);
  }
}

interface UuidField {
  property: string;
  /** A nested DTO (or array of them) to walk; else a UUID (or array of them) to lower-case. */
  nested: boolean;
}

/** Per DTO class: its metadata is fixed once the class is defined, and reading it on every request cost ~1.5 % of a write. */
const fieldsByClass = new Map<unknown, UuidField[]>();

function uuidFieldsOf(target: NonNullable<unknown>['constructor']): UuidField[] {
  let fields = fieldsByClass.get(target);
  if (fields === undefined) {
    fields = getMetadataStorage()
      .getTargetValidationMetadatas(target, '', true, false, undefined)
      .flatMap((metadata): UuidField[] => (metadata.type === 'nestedValidation' ? [{ property: metadata.propertyName, nested: true }] : metadata.name === 'isUuid' ? [{ property: metadata.propertyName, nested: false }] : []));
    fieldsByClass.set(target, fields);
  }
  return fields;
}

const lowercased = (value: unknown): unknown =>
  typeof value === 'string' ? value.toLowerCase() : Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.toLowerCase() : item)) : value;
