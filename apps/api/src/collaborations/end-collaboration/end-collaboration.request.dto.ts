import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

export class EndCollaborationRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: '2024-06-30', description: 'Not before the collaboration started' })
  @IsIsoDate()
  endedOn!: string;

  @ApiProperty({ example: 'Bench cafés held in four Satakunta municipalities; the method is now part of the city’s participation programme.' })
  @TextOf(TEXT.LONG)
  outcome!: string;
}
