import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class WithdrawPledgeRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Another venue was booked; the offer was not needed' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
