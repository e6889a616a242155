import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { WORKSHOP_ACCESS, WORKSHOP_FORMATS, WORKSHOP_KINDS, type WorkshopAccess, type WorkshopFormat, type WorkshopKind } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { WorkshopLocationDto } from './workshop-location.request.dto';
import { DATE_TIME_WITH_OFFSET, DATE_TIME_WITH_OFFSET_MESSAGE } from '../../common/http/business-time';

export class PlanWorkshopRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', example: '5b7d2c1e-3f4a-4b8c-9d0e-1f2a3b4c5d6e', description: 'Client-chosen id; default: made by the server' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', description: 'The chain this workshop belongs to: it is added to the chain, after its other workshops' })
  @IsOptional()
  @IsUUID()
  chainId?: string | null;

  @ApiProperty({ example: 'Työpaja 1: Sosiaaliset innovaatiot Raumalla — tulevaisuustyöskentely', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'Järjestötyön ja sosiaalialan tulevaisuus Raumalla', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  theme!: string;

  @ApiProperty({ example: 'Futures workshop (tulevaisuusverstas); questions to speakers', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
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
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_TIME_WITH_OFFSET, { message: DATE_TIME_WITH_OFFSET_MESSAGE })
  startsAt!: string;

  @ApiProperty({ example: '2023-04-19T16:30:00+03:00', description: 'After startsAt' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_TIME_WITH_OFFSET, { message: DATE_TIME_WITH_OFFSET_MESSAGE })
  endsAt!: string;

  @ApiPropertyOptional({ type: [String], example: ['municipal residents', 'NGO workers', 'social-sector workers'], maxItems: 20, description: 'Default: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  targetGroups?: string[];

  @ApiProperty({ enum: WORKSHOP_ACCESS, example: 'open' })
  @IsIn(WORKSHOP_ACCESS)
  access!: WorkshopAccess;

  @ApiPropertyOptional({ type: 'integer', example: 45, minimum: 1, maximum: 100_000, nullable: true, description: 'Seats; null or absent: unlimited' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e'], maxItems: 20, description: 'Registered organisations; default: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  coOrganizerIds?: string[];
}
