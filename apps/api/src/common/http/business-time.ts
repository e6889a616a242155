import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDateTime } from '../validation/rules.decorators';

/** Base of every write DTO: when the fact happened, if not now (e.g. entering paper records afterwards). */
export class BusinessTimeDto {
  // A date-time with its offset, in the one ISO 8601 form JavaScript's Date reads (the shared ISO_DATE_TIME rule): a
  // strict ISO check alone also lets week, ordinal and basic forms through (2023-W22, 20230531T101500Z), which then
  // failed as an invalid date (a 500).
  @ApiPropertyOptional({
    description:
      "Business time of the fact (ISO 8601 with offset): when it happened. Without it the write is dated by its rule — a workshop's fact by the workshop's date, a fact with a date of its own by that date; the operation's description says which (\"Business date\").",
    example: '2023-04-19T10:00:00+03:00',
  })
  @IsOptional()
  @IsIsoDateTime()
  occurredAt?: string;
}

/** The client's `occurredAt`, normalised to UTC, or undefined: the write's rule then infers it (business-dates.ts). */
export const givenBusinessTime = (dto: BusinessTimeDto): string | undefined => (dto.occurredAt ? new Date(dto.occurredAt).toISOString() : undefined);

/**
 * The business time of a register fact (organisations, people): the client's `occurredAt`, normalised to UTC, or the
 * server's clock — what their rule says too, for the use cases that need the instant itself (an age band, an erasure).
 */
export const businessTime = (dto: BusinessTimeDto, clock: () => Date = () => new Date()): string => givenBusinessTime(dto) ?? clock().toISOString();
