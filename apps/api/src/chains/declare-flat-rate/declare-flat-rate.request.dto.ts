import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { FLAT_RATE_BASES, TEXT, type FlatRateBasis, type IntegerRule } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IntegerIn, TextOf } from '../../common/validation/rules.decorators';

/** Hundredths of a per cent, up to the whole basis: the domain's limits (chain-costs.ts, declareFlatRate). */
const BASIS_POINTS: IntegerRule = { min: 1, max: 10_000, expected: 'a whole number from 1 to 10,000 (4000 = 40 %)' };

export class DeclareFlatRateRequestDto extends BusinessTimeDto {
  // Required, but null is a value (withdraw the flat rate): leaving it out is an error, not a withdrawal.
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The flat rate in basis points of the basis (4000 = 40 %, the usual ESF+ rate of other costs on direct staff costs); null withdraws it',
    example: 4000,
  })
  @ValidateIf((_dto: DeclareFlatRateRequestDto, value: unknown) => value !== null)
  @IntegerIn(BASIS_POINTS)
  basisPoints!: number | null;

  @ApiPropertyOptional({ enum: FLAT_RATE_BASES, default: 'direct-staff-costs', description: 'What the rate is taken of; default: the direct staff costs', example: 'direct-staff-costs' })
  @IsOptional()
  @IsIn(FLAT_RATE_BASES)
  basis?: FlatRateBasis;

  @ApiProperty({ description: 'What allows the flat rate: the funding decision, the regulation’s article', example: 'Funding decision EURA-2023-0142, Art. 56(1) CPR 2021/1060' })
  @TextOf(TEXT.REFERENCE)
  reference!: string;
}
