import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

// A field left out stays as it is; `null` is refused rather than read as "leave it" or "clear it".
const given = (_: object, value: unknown): boolean => value !== undefined;

/** A partial update: send only the fields that change. */
export class UpdateChainDetailsRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: kehittämistyöpajojen ketju', maxLength: 200 })
  @ValidateIf(given)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'European Social Fund Plus (ESF+) 2021–2027', maxLength: 200 })
  @ValidateIf(given)
  @IsString()
  @Length(1, 200)
  fundingProgramme?: string;

  @ApiPropertyOptional({ example: 'DEMO-ESF-2023-001', maxLength: 100 })
  @ValidateIf(given)
  @IsString()
  @Length(1, 100)
  esfOperationId?: string;

  @ApiPropertyOptional({ example: '2023-01-01', format: 'date' })
  @ValidateIf(given)
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodStart must be a date YYYY-MM-DD' })
  periodStart?: string;

  @ApiPropertyOptional({ example: '2024-03-31', format: 'date', description: 'Not before periodStart' })
  @ValidateIf(given)
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodEnd must be a date YYYY-MM-DD' })
  periodEnd?: string;

  @ApiPropertyOptional({ example: 'Five developmental workshops in Rauma, Pori, Kemi, Helsinki and online, April–October 2023.', maxLength: 4000 })
  @ValidateIf(given)
  @IsString()
  @Length(0, 4000)
  description?: string;
}
