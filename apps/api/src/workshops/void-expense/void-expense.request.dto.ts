import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class VoidExpenseRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Duplicate entry of receipt VR-2023-06-204411' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
