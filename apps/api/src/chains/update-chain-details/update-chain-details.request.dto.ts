import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

// A field left out stays as it is; `null` is refused rather than read as "leave it" or "clear it".
const given = (_: object, value: unknown): boolean => value !== undefined;

/** A partial update: send only the fields that change. */
export class UpdateChainDetailsRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: kehittämistyöpajojen ketju' })
  @ValidateIf(given)
  @TextOf(TEXT.NAME)
  name?: string;

  @ApiPropertyOptional({ example: 'European Social Fund Plus (ESF+) 2021–2027' })
  @ValidateIf(given)
  @TextOf(TEXT.NAME)
  fundingProgramme?: string;

  @ApiPropertyOptional({ example: 'DEMO-ESF-2023-001' })
  @ValidateIf(given)
  @TextOf(TEXT.CODE)
  esfOperationId?: string;

  @ApiPropertyOptional({ example: '2023-01-01' })
  @ValidateIf(given)
  @IsIsoDate()
  periodStart?: string;

  @ApiPropertyOptional({ example: '2024-03-31', description: 'Not before periodStart' })
  @ValidateIf(given)
  @IsIsoDate()
  periodEnd?: string;

  @ApiPropertyOptional({ example: 'Five developmental workshops in Rauma, Pori, Kemi, Helsinki and online, April–October 2023.' })
  @ValidateIf(given)
  @TextOf(TEXT.LONG, { emptyAllowed: true })
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '0b6f2c1e-3d4a-4b5c-8d9e-0f1a2b3c4d5e',
    description: "The hub's own organisation (the competence centre running the chain): it organises, so it is never counted among the organisations the chain supported or reached; null clears it",
  })
  @ValidateIf((_: object, value: unknown) => value !== undefined && value !== null)
  @IsUUID()
  hubOrganizationId?: string | null;
}
