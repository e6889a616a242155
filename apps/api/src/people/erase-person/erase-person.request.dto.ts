import { ApiProperty } from '@nestjs/swagger';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { HoldsNoPersonalData, TextOf } from '../../common/validation/rules.decorators';

export class ErasePersonRequestDto extends BusinessTimeDto {
  @ApiProperty({
    description: 'Why the personal data is erased, e.g. "data subject request (GDPR Art. 17)". Kept in the log for good: no names, e-mail addresses, phone numbers or identity codes.',
    example: 'data subject request (GDPR Art. 17)',
  })
  @TextOf(TEXT.ERASURE_REASON)
  @HoldsNoPersonalData()
  reason!: string;
}
