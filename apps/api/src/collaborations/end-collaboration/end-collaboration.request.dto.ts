import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Length, Matches } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class EndCollaborationRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: '2024-06-30', format: 'date', description: 'Not before the collaboration started' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endedOn must be a date YYYY-MM-DD' })
  endedOn!: string;

  @ApiProperty({ example: 'Bench cafés held in four Satakunta municipalities; the method is now part of the city’s participation programme.', maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  outcome!: string;
}
