import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { TextOf } from '../../common/validation/rules.decorators';

/** Where an in-person or hybrid workshop takes place (webinars have none). */
export class WorkshopLocationDto {
  @ApiProperty({ example: 'Rauman kaupungintalo' })
  @TextOf(TEXT.NAME)
  venue!: string;

  @ApiProperty({ example: 'Rauma' })
  @TextOf(TEXT.PLACE)
  municipality!: string;

  @ApiProperty({ example: 'Satakunta' })
  @TextOf(TEXT.PLACE)
  region!: string;
}
