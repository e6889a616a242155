import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class WithdrawPledgeRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Another venue was booked; the offer was not needed', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
