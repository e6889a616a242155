import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CITIZEN_COUNTING_METHODS, INTEGER, TEXT, type CitizenCountingMethod } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IntegerIn, IsIsoDateOrDateTime, TextOf } from '../../common/validation/rules.decorators';

export class CollectCitizenInputRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen input id; default: made by the server', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'What would make everyday life in Pori better, and who should do it?' })
  @TextOf(TEXT.TITLE)
  topic!: string;

  @ApiProperty({
    example: 'Citizens asked for low-threshold meeting places, help with digital services for the elderly, and more say in how the welfare area spends money.',
  })
  @TextOf(TEXT.LONG)
  summary!: string;

  @ApiProperty({
    description: 'How many citizens gave input: a tally, not registrations (citizens at a street event are not registered; the partner staff running it register as hosts)',
    example: 126,
  })
  @IntegerIn(INTEGER.CITIZENS_HEARD)
  citizensHeard!: number;

  @ApiProperty({
    enum: CITIZEN_COUNTING_METHODS,
    example: 'tally',
    description: 'How citizensHeard was counted: tally (marks as people gave input), head-count, forms (written answers counted), estimate',
  })
  @IsIn(CITIZEN_COUNTING_METHODS)
  countingMethod!: CitizenCountingMethod;

  @ApiPropertyOptional({ description: 'When the input was collected: a date or a date-time with offset; default: the business time of this write', example: '2023-06-14T17:00:00+03:00' })
  @IsOptional()
  @IsIsoDateOrDateTime()
  collectedAt?: string;
}
