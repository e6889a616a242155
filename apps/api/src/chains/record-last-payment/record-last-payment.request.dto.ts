import { ApiProperty } from '@nestjs/swagger';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate } from '../../common/validation/rules.decorators';

export class RecordLastPaymentRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: '2024-03-28', description: 'Date of the last payment to the beneficiary; starts the ESF+ retention period' })
  @IsIsoDate()
  paidOn!: string;
}
