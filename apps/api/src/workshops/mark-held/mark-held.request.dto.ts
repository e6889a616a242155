import { ApiProperty } from '@nestjs/swagger';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate } from '../../common/validation/rules.decorators';

export class MarkHeldRequestDto extends BusinessTimeDto {
  @ApiProperty({ example: '2023-04-19', description: 'ISO date YYYY-MM-DD' })
  @IsIsoDate()
  heldOn!: string;
}
