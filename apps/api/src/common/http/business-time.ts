import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDateTime } from '../validation/rules.decorators';

/** Base of every write DTO: when the fact happened, if not now (e.g. entering paper records afterwards). */
export class BusinessTimeDto {
  // A date-time with its offset, in the one ISO 8601 form JavaScript's Date reads (the shared ISO_DATE_TIME rule): a
  // strict ISO check alone also lets week, ordinal and basic forms through (2023-W22, 20230531T101500Z), which then
  // failed as an invalid date (a 500).
  @ApiPropertyOptional({ description: 'Business time of the fact (ISO 8601 with offset); default: now', example: '2023-04-19T10:00:00+03:00' })
  @IsOptional()
  @IsIsoDateTime()
  occurredAt?: string;
}

/** The business time of a write: the client's `occurredAt`, normalised to UTC, or the server's clock. */
export const businessTime = (dto: BusinessTimeDto, clock: () => Date = () => new Date()): string => (dto.occurredAt ? new Date(dto.occurredAt).toISOString() : clock().toISOString());
