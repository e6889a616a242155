import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, Matches } from 'class-validator';
import { ORGANIZATION_SECTORS, type OrganizationSector } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';

export class RegisterOrganizationRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Rauman kaupunki', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_SECTORS, example: 'public-administration' })
  @IsIn(ORGANIZATION_SECTORS)
  sector!: OrganizationSector;

  @ApiPropertyOptional({ type: String, example: 'Rauma', maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  municipality?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Satakunta', maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  region?: string | null;

  @ApiPropertyOptional({ type: String, example: '0135202-4', description: 'Finnish business id (Y-tunnus), check digit verified', nullable: true })
  @IsOptional()
  @Matches(/^\d{7}-\d$/, { message: 'businessId must look like 1234567-8' })
  businessId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'https://www.rauma.fi', nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @Length(1, 500)
  website?: string | null;
}
