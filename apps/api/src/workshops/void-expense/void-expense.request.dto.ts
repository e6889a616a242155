import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class VoidExpenseRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Duplicate entry of receipt VR-2023-06-204411', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
