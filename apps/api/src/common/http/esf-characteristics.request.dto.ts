import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { EsfCharacteristics } from '@kuhina/privacy';
import { INTEGER } from '@kuhina/domain';
import { IntegerIn } from '../validation/rules.decorators';

// libs/privacy declares these vocabularies as types only; the lists are spelled out here and checked
// against the types at compile time (a value added there and missing here, or vice versa, fails tsc).
type Values<K extends keyof EsfCharacteristics> = NonNullable<EsfCharacteristics[K]>;
type Exactly<List extends readonly unknown[], T> = [Exclude<T, List[number]>] extends [never] ? ([Exclude<List[number], T>] extends [never] ? List : never) : never;

const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
const LABOUR_MARKET_STATUSES = ['employed', 'self-employed', 'unemployed', 'long-term-unemployed', 'inactive', 'in-education', 'retired', 'undisclosed'] as const;
const EDUCATION_LEVELS = ['isced-0-2', 'isced-3-4', 'isced-5-8', 'undisclosed'] as const;
const YES_NO_UNDISCLOSED = [true, false, 'undisclosed'] as const;

export const ESF_GENDERS: Exactly<typeof GENDERS, Values<'gender'>> = GENDERS;
export const ESF_LABOUR_MARKET_STATUSES: Exactly<typeof LABOUR_MARKET_STATUSES, Values<'labourMarketStatus'>> = LABOUR_MARKET_STATUSES;
export const ESF_EDUCATION_LEVELS: Exactly<typeof EDUCATION_LEVELS, Values<'educationLevel'>> = EDUCATION_LEVELS;
export const ESF_YES_NO_UNDISCLOSED: Exactly<typeof YES_NO_UNDISCLOSED, Values<'disability'>> = YES_NO_UNDISCLOSED;

/** ESF+ participant characteristics (Regulation (EU) 2021/1057, Annex I); every one optional, every one may be 'undisclosed'. */
export class EsfCharacteristicsDto {
  @ApiPropertyOptional({ enum: ESF_GENDERS, example: 'female' })
  @IsOptional()
  @IsIn(ESF_GENDERS)
  gender?: Values<'gender'>;

  @ApiPropertyOptional({ type: 'integer', example: 1985, description: 'A year, not a date of birth: the ESF age bands need no more' })
  @IsOptional()
  @IntegerIn(INTEGER.BIRTH_YEAR)
  birthYear?: number;

  @ApiPropertyOptional({ enum: ESF_LABOUR_MARKET_STATUSES, example: 'employed' })
  @IsOptional()
  @IsIn(ESF_LABOUR_MARKET_STATUSES)
  labourMarketStatus?: Values<'labourMarketStatus'>;

  @ApiPropertyOptional({ enum: ESF_EDUCATION_LEVELS, example: 'isced-5-8' })
  @IsOptional()
  @IsIn(ESF_EDUCATION_LEVELS)
  educationLevel?: Values<'educationLevel'>;

  @ApiPropertyOptional({ oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['undisclosed'] }], example: 'undisclosed' })
  @IsOptional()
  @IsIn(ESF_YES_NO_UNDISCLOSED)
  disability?: Values<'disability'>;

  @ApiPropertyOptional({ oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['undisclosed'] }], example: false })
  @IsOptional()
  @IsIn(ESF_YES_NO_UNDISCLOSED)
  migrantBackground?: Values<'migrantBackground'>;
}
