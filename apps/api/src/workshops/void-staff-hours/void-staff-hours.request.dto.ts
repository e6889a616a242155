import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

/** Voiding hours, on a workshop or on the chain as a whole: one body shape for both. */
export class VoidStaffHoursRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Entered twice: the same planning session is on the chain' })
  @TextOf(TEXT.LONG)
  reason!: string;
}
