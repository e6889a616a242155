import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Base of every write DTO: when the fact happened, if not now (e.g. entering paper records afterwards). */
export class BusinessTimeDto {
  @ApiPropertyOptional({ description: 'Business time of the fact (ISO 8601 with offset); default: now', example: '2023-04-19T10:00:00+03:00' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

/** The business time of a write: the client's `occurredAt`, normalised to UTC, or the server's clock. */
export const businessTime = (dto: BusinessTimeDto, clock: () => Date = () => new Date()): string => (dto.occurredAt ? new Date(dto.occurredAt).toISOString() : clock().toISOString());
