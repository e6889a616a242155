import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class CloseChainRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'All five workshops held and reported; the operation ended on 31 December 2023.' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
