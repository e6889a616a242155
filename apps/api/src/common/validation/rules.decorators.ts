import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsInt,
  IsISO8601,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import {
  BUSINESS_ID,
  CONTROL_CHARACTERS,
  EMAIL,
  INTEGER,
  ISO_DATE,
  ISO_DATE_OR_DATE_TIME,
  ISO_DATE_TIME,
  NO_PERSONAL_DATA,
  PHONE,
  holdsNoControlCharacters,
  holdsNoPersonalData,
  WEB_ADDRESS,
  type IntegerRule,
  type ListRule,
  type PatternRule,
  type TextRule,
} from '@kuhina/domain';

/**
 * class-validator decorators built from the domain's shared rules (libs/domain/src/shared/rules.ts): a DTO names the
 * rule (`@TextOf(TEXT.NAME)`, `@IsPhone()`, `@IsCents()`) and never spells a pattern or a limit. Each is made of
 * class-validator's own constraints, so a 400 answer names the same rules as before (`isLength`, `matches`,
 * `isIso8601`, `min`, ...), and adds the limits to the OpenAPI schema of the property.
 */

/** Several property decorators as one, applied as if written one above the other in this order. */
const stacked =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, propertyKey) => {
    for (const decorator of [...decorators].reverse()) decorator(target, propertyKey);
  };

/** Adds OpenAPI keywords to the property's schema, keeping what its own @ApiProperty says. */
const documented = (schema: Record<string, unknown>): PropertyDecorator => ApiProperty(schema) as PropertyDecorator;

const matching = (rule: PatternRule): PropertyDecorator => Matches(rule.pattern, { message: `$property must be ${rule.expected}` });

export interface TextOptions {
  /** Each item of an array of texts. */
  each?: boolean;
  /** Optional free text that may be sent empty (a description defaulting to ''). */
  emptyAllowed?: boolean;
}

/**
 * No control characters (`CONTROL_CHARACTERS`), line breaks allowed in a multi-line rule's text; rule
 * `noControlCharacters`, e.g. "name must be free of control characters".
 */
export function HoldsNoControlCharacters(multiline: boolean, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'noControlCharacters',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: `$property must be ${CONTROL_CHARACTERS.expected[multiline ? 'multiline' : 'singleLine']}`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || holdsNoControlCharacters(value, multiline) },
    });
}

/** A text of one of the shared lengths, e.g. `@TextOf(TEXT.NAME)`, without control characters (line breaks only in `multiline` rules). */
export function TextOf(rule: TextRule, { each = false, emptyAllowed = false }: TextOptions = {}): PropertyDecorator {
  const minLength = emptyAllowed ? 0 : rule.minLength;
  const checks = [IsString({ each }), Length(minLength, rule.maxLength, { each }), HoldsNoControlCharacters(rule.multiline === true, { each })];
  const pattern = CONTROL_CHARACTERS.documented[rule.multiline === true ? 'multiline' : 'singleLine'];
  return stacked(...(each ? [] : [documented({ minLength, maxLength: rule.maxLength, pattern })]), ...checks);
}

/** A phone number (`PHONE`): the same rule for a person registered alone and one registered with a workshop. */
export const IsPhone = (): PropertyDecorator =>
  stacked(
    documented({ minLength: PHONE.minLength, maxLength: PHONE.maxLength, pattern: PHONE.pattern.source }),
    IsString(),
    Length(PHONE.minLength, PHONE.maxLength, { message: `$property must be ${PHONE.minLength} to ${PHONE.maxLength} characters long` }),
    matching(PHONE),
  );

/** An e-mail address (`EMAIL`): class-validator's isEmail, within the shared length. */
export const IsEmailAddress = (): PropertyDecorator =>
  stacked(documented({ format: 'email', minLength: EMAIL.minLength, maxLength: EMAIL.maxLength }), IsEmail(), Length(EMAIL.minLength, EMAIL.maxLength));

/** A Finnish business id in its written form (`BUSINESS_ID`); the organisation verifies the check digit. */
export const IsBusinessId = (): PropertyDecorator => stacked(documented({ pattern: BUSINESS_ID.pattern.source }), matching(BUSINESS_ID));

/** An absolute http(s) URL (`WEB_ADDRESS`). */
export const IsWebAddress = (): PropertyDecorator =>
  stacked(
    documented({ format: 'uri', maxLength: WEB_ADDRESS.maxLength }),
    IsUrl({ protocols: [...WEB_ADDRESS.protocols], require_protocol: true }),
    Length(WEB_ADDRESS.minLength, WEB_ADDRESS.maxLength),
  );

/** A calendar date `YYYY-MM-DD` (`ISO_DATE`). */
export const IsIsoDate = (): PropertyDecorator => stacked(documented({ format: 'date' }), IsISO8601({ strict: true }), matching(ISO_DATE));

/** A date-time with its offset (`ISO_DATE_TIME`). */
export const IsIsoDateTime = (): PropertyDecorator =>
  stacked(documented({ format: 'date-time' }), IsISO8601({ strict: true, strictSeparator: true }), matching(ISO_DATE_TIME));

/** A day or an instant with its offset (`ISO_DATE_OR_DATE_TIME`). */
export const IsIsoDateOrDateTime = (): PropertyDecorator => stacked(IsISO8601({ strict: true, strictSeparator: true }), matching(ISO_DATE_OR_DATE_TIME));

/** A whole number within one of the shared rules, e.g. `@IntegerIn(INTEGER.RATING)`. */
export const IntegerIn = (rule: IntegerRule): PropertyDecorator =>
  stacked(documented({ type: 'integer', minimum: rule.min, maximum: rule.max }), IsInt(), Min(rule.min), Max(rule.max));

/** Money in integer cents (`INTEGER.CENTS`). */
export const IsCents = (): PropertyDecorator => IntegerIn(INTEGER.CENTS);

/** An array of the shared size, e.g. `@ListOf(LIST.TARGET_GROUPS)`; its items are checked by other decorators. */
export const ListOf = (rule: ListRule): PropertyDecorator =>
  stacked(
    documented({ ...(rule.minItems > 0 ? { minItems: rule.minItems } : {}), maxItems: rule.maxItems }),
    IsArray(),
    ...(rule.minItems > 0 ? [ArrayMinSize(rule.minItems)] : []),
    ArrayMaxSize(rule.maxItems),
  );

/** Text kept in the log for good must not carry what an erasure removes (`NO_PERSONAL_DATA`); rule `noPersonalData`. */
export function HoldsNoPersonalData(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'noPersonalData',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: `$property must be ${NO_PERSONAL_DATA.expected}`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || holdsNoPersonalData(value) },
    });
}
