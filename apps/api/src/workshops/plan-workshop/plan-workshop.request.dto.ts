import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { INTEGER, LIST, TEXT, WORKSHOP_ACCESS, WORKSHOP_FORMATS, WORKSHOP_KINDS, type WorkshopAccess, type WorkshopFormat, type WorkshopKind } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { WorkshopLocationDto } from './workshop-location.request.dto';
import { IntegerIn, IsIsoDateTime, ListOf, TextOf } from '../../common/validation/rules.decorators';

export class PlanWorkshopRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', example: '5b7d2c1e-3f4a-4b8c-9d0e-1f2a3b4c5d6e', description: 'Client-chosen id; default: made by the server' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', description: 'The chain this workshop belongs to: it is added to the chain, after its other workshops' })
  @IsOptional()
  @IsUUID()
  chainId?: string | null;

  @ApiProperty({ example: 'Työpaja 1: Sosiaaliset innovaatiot Raumalla — tulevaisuustyöskentely' })
  @TextOf(TEXT.TITLE)
  title!: string;

  @ApiProperty({ example: 'Järjestötyön ja sosiaalialan tulevaisuus Raumalla' })
  @TextOf(TEXT.SUBJECT)
  theme!: string;

  @ApiProperty({ example: 'Futures workshop (tulevaisuusverstas); questions to speakers' })
  @TextOf(TEXT.SUBJECT)
  method!: string;

  @ApiProperty({ enum: WORKSHOP_KINDS, example: 'co-development', description: 'ESF counts co-development participants apart from information-event attendees and citizens met at street events' })
  @IsIn(WORKSHOP_KINDS)
  kind!: WorkshopKind;

  @ApiProperty({ enum: WORKSHOP_FORMATS, example: 'in-person' })
  @IsIn(WORKSHOP_FORMATS)
  format!: WorkshopFormat;

  @ApiPropertyOptional({ type: WorkshopLocationDto, nullable: true, example: { venue: 'Rauman kaupungintalo', municipality: 'Rauma', region: 'Satakunta' }, description: 'Required for in-person and hybrid workshops; webinars have none' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkshopLocationDto)
  location?: WorkshopLocationDto | null;

  @ApiProperty({ example: '2023-04-19T13:00:00+03:00' })
  @IsIsoDateTime()
  startsAt!: string;

  @ApiProperty({ example: '2023-04-19T16:30:00+03:00', description: 'After startsAt' })
  @IsIsoDateTime()
  endsAt!: string;

  @ApiPropertyOptional({ type: [String], example: ['municipal residents', 'NGO workers', 'social-sector workers'], description: 'Default: none' })
  @IsOptional()
  @ListOf(LIST.TARGET_GROUPS)
  @TextOf(TEXT.LABEL, { each: true })
  targetGroups?: string[];

  @ApiProperty({ enum: WORKSHOP_ACCESS, example: 'open' })
  @IsIn(WORKSHOP_ACCESS)
  access!: WorkshopAccess;

  @ApiPropertyOptional({ type: 'integer', example: 45, nullable: true, description: 'Seats; null or absent: unlimited' })
  @IsOptional()
  @IntegerIn(INTEGER.CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e'], description: 'Registered organisations; default: none' })
  @IsOptional()
  @ListOf(LIST.CO_ORGANIZERS)
  @IsUUID(undefined, { each: true })
  coOrganizerIds?: string[];
}
