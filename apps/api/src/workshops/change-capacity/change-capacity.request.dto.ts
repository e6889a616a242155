import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { INTEGER } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IntegerIn } from '../../common/validation/rules.decorators';

export class ChangeCapacityRequestDto extends BusinessTimeDto {
  @ApiProperty({ type: 'integer', example: 60, nullable: true, description: 'Seats; null: unlimited. Raising it promotes waitlisted participants in order.' })
  // Required, but null is a value (unlimited): only a number is checked further.
  @ValidateIf((_dto: ChangeCapacityRequestDto, value: unknown) => value !== null)
  @IntegerIn(INTEGER.CAPACITY)
  capacity!: number | null;
}
