import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class ChangeCapacityRequestDto extends BusinessTimeDto {
  @ApiProperty({ type: 'integer', example: 60, minimum: 1, maximum: 100_000, nullable: true, description: 'Seats; null: unlimited. Raising it promotes waitlisted participants in order.' })
  // Required, but null is a value (unlimited): only a number is checked further.
  @ValidateIf((_dto: ChangeCapacityRequestDto, value: unknown) => value !== null)
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number | null;
}
