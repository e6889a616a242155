import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';
import { WorkshopLocationDto } from '../plan-workshop/workshop-location.request.dto';
import { IsIsoDateTime } from '../../common/validation/rules.decorators';

/** Dates and venue move; kind, format and access do not (registrations depend on them). */
export class RescheduleWorkshopRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: '2023-08-16T12:00:00+03:00' })
  @IsIsoDateTime()
  startsAt!: string;

  @ApiProperty({ example: '2023-08-16T15:00:00+03:00', description: 'After startsAt' })
  @IsIsoDateTime()
  endsAt!: string;

  @ApiPropertyOptional({ type: WorkshopLocationDto, nullable: true, example: { venue: 'Porin kävelykatu, Suomi Areena -teltta', municipality: 'Pori', region: 'Satakunta' }, description: 'The venue from now on; required unless the workshop is a webinar' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkshopLocationDto)
  location?: WorkshopLocationDto | null;
}
