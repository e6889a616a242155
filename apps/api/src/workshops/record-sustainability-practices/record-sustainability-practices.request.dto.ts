import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { SUSTAINABILITY_PRACTICES, type SustainabilityPractice } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';

/** The whole record: it replaces the previous one in views (send every practice, not only new ones). */
export class RecordSustainabilityPracticesRequestDto extends BusinessTimeDto {
  @ApiProperty({
    enum: SUSTAINABILITY_PRACTICES,
    isArray: true,
    description: 'Every practice followed (an empty list records none); duplicates are ignored',
    example: ['public-transport', 'vegetarian-food', 'minimal-printing', 'local-producers'],
    maxItems: 20,
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(SUSTAINABILITY_PRACTICES, { each: true })
  practices!: SustainabilityPractice[];

  @ApiPropertyOptional({ description: 'Default: empty', example: 'Travel by train; vegetarian lunch from a local caterer; results written on reusable boards.', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes?: string;
}
