import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { ORGANIZATION_SECTORS, TEXT, type OrganizationSector } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsBusinessId, IsWebAddress, TextOf } from '../../common/validation/rules.decorators';

// A field left out stays as it is. Required fields refuse null (neither "leave it" nor "clear it" would be honest);
// optional ones take null to clear them.
const given = (_: object, value: unknown): boolean => value !== undefined;
const givenValue = (_: object, value: unknown): boolean => value !== undefined && value !== null;

/** A partial update of an organisation: send only the fields that change. */
export class UpdateOrganizationRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'Porin kaupunki' })
  @ValidateIf(given)
  @TextOf(TEXT.NAME)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_SECTORS, example: 'public-administration' })
  @ValidateIf(given)
  @IsIn(ORGANIZATION_SECTORS)
  sector?: OrganizationSector;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pori', description: 'null clears it' })
  @ValidateIf(givenValue)
  @TextOf(TEXT.PLACE)
  municipality?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Satakunta', description: 'null clears it' })
  @ValidateIf(givenValue)
  @TextOf(TEXT.PLACE)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0204819-8', description: 'Finnish business id (Y-tunnus), check digit verified; null clears it' })
  @ValidateIf(givenValue)
  @IsBusinessId()
  businessId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.pori.fi', description: 'null clears it' })
  @ValidateIf(givenValue)
  @IsWebAddress()
  website?: string | null;
}
