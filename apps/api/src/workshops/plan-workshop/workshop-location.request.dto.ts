import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Business time must state its offset: 10:00 in Rauma and 10:00 UTC are different instants. */
export const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const DATE_TIME_WITH_OFFSET_MESSAGE = '$property must be an ISO 8601 date-time with an offset, e.g. 2023-04-19T10:00:00+03:00';

/** Where an in-person or hybrid workshop takes place (webinars have none). */
export class WorkshopLocationDto {
  @ApiProperty({ example: 'Rauman kaupungintalo', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  venue!: string;

  @ApiProperty({ example: 'Rauma', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  municipality!: string;

  @ApiProperty({ example: 'Satakunta', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  region!: string;
}
