import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/**
 * A date-time with its offset, in the one ISO 8601 form JavaScript's Date reads: a strict ISO check alone also lets
 * week, ordinal and basic forms through (2023-W22, 20230531T101500Z), which then failed as an invalid date (a 500).
 */
export const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const DATE_TIME_WITH_OFFSET_MESSAGE = '$property must be an ISO 8601 date-time with an offset, e.g. 2023-04-19T10:00:00+03:00';
/** A day or an instant, as the domain takes for citizens' input; an instant must say its offset (a street event has a local time). */
export const DATE_OR_DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Base of every write DTO: when the fact happened, if not now (e.g. entering paper records afterwards). */
export class BusinessTimeDto {
  @ApiPropertyOptional({ description: 'Business time of the fact (ISO 8601 with offset); default: now', example: '2023-04-19T10:00:00+03:00' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_TIME_WITH_OFFSET, { message: DATE_TIME_WITH_OFFSET_MESSAGE })
  occurredAt?: string;
}

/** The business time of a write: the client's `occurredAt`, normalised to UTC, or the server's clock. */
export const businessTime = (dto: BusinessTimeDto, clock: () => Date = () => new Date()): string => (dto.occurredAt ? new Date(dto.occurredAt).toISOString() : clock().toISOString());
