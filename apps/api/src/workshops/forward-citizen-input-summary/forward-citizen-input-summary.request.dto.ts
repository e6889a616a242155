import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LIST, TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDateOrDateTime, ListOf, TextOf } from '../../common/validation/rules.decorators';

export class ForwardCitizenInputSummaryRequestDto extends BusinessTimeDto {
  @ApiProperty({
    example: 'Citizens asked for low-threshold meeting places, help with digital services for the elderly, and more say in how the welfare area spends money.',
  })
  @TextOf(TEXT.LONG)
  summary!: string;

  @ApiProperty({
    type: [String],
    description: 'The decision-makers the summary went to (at least one)',
    example: ['City of Pori, city board', 'Satakunta wellbeing services county, participation unit'],
  })
  @ListOf(LIST.RECIPIENTS)
  @TextOf(TEXT.LABEL, { each: true })
  recipients!: string[];

  @ApiPropertyOptional({ description: 'When it was forwarded: a date or a date-time with offset; default: the business time of this write', example: '2023-06-28' })
  @IsOptional()
  @IsIsoDateOrDateTime()
  forwardedAt?: string;
}
