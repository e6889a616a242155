import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { INTEGER, TEXT, type IntegerRule } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IntegerIn, IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

/** Money in cents as an expense takes it, but never 0: an hour of work always costs something. */
const HOURLY_RATE_CENTS: IntegerRule = { min: 1, max: INTEGER.CENTS.max, expected: `a whole number of cents from 1 to ${INTEGER.CENTS.max}` };

export class SetHourlyRateRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen rate id; default: made by the server', example: '6e1d4b2a-9c3f-4a8e-b7d5-2f0a1c3e5b7d' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ description: 'What an hour of the person’s work costs the project, in integer cents (salary with its side costs, per productive hour)', example: 4200 })
  @IntegerIn(HOURLY_RATE_CENTS)
  hourlyRateCents!: number;

  @ApiProperty({ description: 'First day the rate applies (YYYY-MM-DD)', example: '2023-01-01' })
  @IsIsoDate()
  validFrom!: string;

  // Required, but null is a value (until further notice): a rate is never ended or replaced afterwards, so an open end
  // must be asked for, not fall out of a field left out.
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day the rate applies (YYYY-MM-DD), or null: until further notice (no later rate can then be set, as rates may not overlap)',
    example: '2023-06-30',
  })
  @ValidateIf((_dto: SetHourlyRateRequestDto, value: unknown) => value !== null)
  @IsIsoDate()
  validUntil!: string | null;

  @ApiProperty({ description: 'How the rate was worked out, for the auditor', example: 'Monthly salary 4,100 € + 24 % side costs / 121 productive hours' })
  @TextOf(TEXT.LONG)
  basis!: string;
}
