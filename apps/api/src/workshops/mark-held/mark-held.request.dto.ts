import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class MarkHeldRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: '2023-04-19', description: 'ISO date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn must be a date YYYY-MM-DD' })
  heldOn!: string;
}
