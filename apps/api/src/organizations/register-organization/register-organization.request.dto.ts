import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ORGANIZATION_SECTORS, TEXT, type OrganizationSector } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsBusinessId, IsWebAddress, TextOf } from '../../common/validation/rules.decorators';

export class RegisterOrganizationRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Rauman kaupunki' })
  @TextOf(TEXT.NAME)
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_SECTORS, example: 'public-administration' })
  @IsIn(ORGANIZATION_SECTORS)
  sector!: OrganizationSector;

  @ApiPropertyOptional({ type: String, example: 'Rauma', nullable: true })
  @IsOptional()
  @TextOf(TEXT.PLACE)
  municipality?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Satakunta', nullable: true })
  @IsOptional()
  @TextOf(TEXT.PLACE)
  region?: string | null;

  @ApiPropertyOptional({ type: String, example: '0135202-4', description: 'Finnish business id (Y-tunnus), check digit verified', nullable: true })
  @IsOptional()
  @IsBusinessId()
  businessId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'https://www.rauma.fi', nullable: true })
  @IsOptional()
  @IsWebAddress()
  website?: string | null;
}
