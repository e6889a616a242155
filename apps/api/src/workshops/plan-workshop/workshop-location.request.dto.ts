import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Business time must state its offset: 10:00 in Rauma and 10:00 UTC are different instants. */

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
