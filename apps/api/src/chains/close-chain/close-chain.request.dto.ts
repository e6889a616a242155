import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class CloseChainRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: 'All five workshops held and reported; the operation ended on 31 December 2023.', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
