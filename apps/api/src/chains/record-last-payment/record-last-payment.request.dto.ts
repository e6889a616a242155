import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class RecordLastPaymentRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: '2024-03-28', format: 'date', description: 'Date of the last payment to the beneficiary; starts the ESF+ retention period' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'paidOn must be a date YYYY-MM-DD' })
  paidOn!: string;
}
