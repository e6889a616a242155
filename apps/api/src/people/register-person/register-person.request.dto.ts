import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { EsfCharacteristics } from '@kuhina/privacy';
import { BusinessTimeDto } from '../../common/http/business-time';
import { ESF_EDUCATION_LEVELS, ESF_GENDERS, ESF_LABOUR_MARKET_STATUSES, ESF_YES_NO_UNDISCLOSED } from '../esf-characteristics.vocabulary';

/** ESF+ participant characteristics (Regulation (EU) 2021/1057, Annex I); every field optional, each may be 'undisclosed'. */
export class EsfCharacteristicsRequestDto {
  @ApiPropertyOptional({ enum: ESF_GENDERS, example: 'female' })
  @IsOptional()
  @IsIn(ESF_GENDERS)
  gender?: EsfCharacteristics['gender'];

  @ApiPropertyOptional({ type: 'integer', example: 1985, minimum: 1900, maximum: 2100, description: 'A year, not a date of birth: the ESF+ age bands need no more' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiPropertyOptional({ enum: ESF_LABOUR_MARKET_STATUSES, example: 'employed' })
  @IsOptional()
  @IsIn(ESF_LABOUR_MARKET_STATUSES)
  labourMarketStatus?: EsfCharacteristics['labourMarketStatus'];

  @ApiPropertyOptional({ enum: ESF_EDUCATION_LEVELS, example: 'isced-5-8' })
  @IsOptional()
  @IsIn(ESF_EDUCATION_LEVELS)
  educationLevel?: EsfCharacteristics['educationLevel'];

  @ApiPropertyOptional({ oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['undisclosed'] }], example: 'undisclosed' })
  @IsOptional()
  @IsIn(ESF_YES_NO_UNDISCLOSED)
  disability?: EsfCharacteristics['disability'];

  @ApiPropertyOptional({ oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['undisclosed'] }], example: false })
  @IsOptional()
  @IsIn(ESF_YES_NO_UNDISCLOSED)
  migrantBackground?: EsfCharacteristics['migrantBackground'];
}

export class RegisterPersonRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Aino Virtanen', maxLength: 200, description: 'Personal data: encrypted with a key of this person before it is recorded' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'aino.virtanen@example.org', format: 'email', maxLength: 254, nullable: true, description: 'A person with this e-mail already registered is reused (200, created: false)' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '+358 40 123 4567', maxLength: 40, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  @Matches(/^\+?[0-9][0-9 ()-]*$/, { message: 'phone may hold digits, spaces, parentheses, hyphens and a leading +' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A registered organisation the person represents', example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ type: EsfCharacteristicsRequestDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EsfCharacteristicsRequestDto)
  esf?: EsfCharacteristicsRequestDto | null;
}
