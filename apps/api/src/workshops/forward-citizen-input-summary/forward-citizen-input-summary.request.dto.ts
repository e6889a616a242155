import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { BusinessTimeDto, DATE_OR_DATE_TIME_WITH_OFFSET } from '../../common/http/business-time';

export class ForwardCitizenInputSummaryRequestDto extends BusinessTimeDto {
  @ApiProperty({
    example: 'Citizens asked for low-threshold meeting places, help with digital services for the elderly, and more say in how the welfare area spends money.',
    maxLength: 4000,
  })
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiProperty({
    type: [String],
    description: 'The decision-makers the summary went to (at least one)',
    example: ['City of Pori, city board', 'Satakunta wellbeing services county, participation unit'],
    minItems: 1,
    maxItems: 50,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  recipients!: string[];

  @ApiPropertyOptional({ description: 'When it was forwarded: a date or a date-time with offset; default: the business time of this write', example: '2023-06-28' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(DATE_OR_DATE_TIME_WITH_OFFSET, { message: 'forwardedAt must be a date YYYY-MM-DD or a date-time with an offset' })
  forwardedAt?: string;
}
