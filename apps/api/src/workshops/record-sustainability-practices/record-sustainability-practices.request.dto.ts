import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LIST, SUSTAINABILITY_PRACTICES, TEXT, type SustainabilityPractice } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { ListOf, TextOf } from '../../common/validation/rules.decorators';

/** The whole record: it replaces the previous one in views (send every practice, not only new ones). */
export class RecordSustainabilityPracticesRequestDto extends BusinessTimeDto {
  @ApiProperty({
    enum: SUSTAINABILITY_PRACTICES,
    isArray: true,
    description: 'Every practice followed (an empty list records none); duplicates are ignored',
    example: ['public-transport', 'vegetarian-food', 'minimal-printing', 'local-producers'],
  })
  @ListOf(LIST.SUSTAINABILITY_PRACTICES)
  @IsIn(SUSTAINABILITY_PRACTICES, { each: true })
  practices!: SustainabilityPractice[];

  @ApiPropertyOptional({ description: 'Default: empty', example: 'Travel by train; vegetarian lunch from a local caterer; results written on reusable boards.' })
  @IsOptional()
  @TextOf(TEXT.LONG)
  notes?: string;
}
