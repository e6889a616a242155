import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { LIST, OUTREACH_CHANNELS, TEXT, type OutreachChannel } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, ListOf, TextOf } from '../../common/validation/rules.decorators';

export class RecordOutreachRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen outreach id; default: made by the server', example: '0e1d2c3b-4a59-4687-9706-a5b4c3d2e1f0' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: OUTREACH_CHANNELS, description: 'How they were told (the sending itself happens outside Kuhina)', example: 'e-mail' })
  @IsIn(OUTREACH_CHANNELS)
  channel!: OutreachChannel;

  @ApiProperty({ description: 'The day it was sent (YYYY-MM-DD); also the business date of the record', example: '2023-08-21' })
  @IsIsoDate()
  sentOn!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Who was told, each once (1–2,000). Omitted: everyone on GET /workshops/:id/outreach as it stands now (with the same `includeEarlierChains`) — record what was sent to the exported list.',
    example: ['e0000000-0000-4000-8000-000000000001'],
  })
  @IsOptional()
  @ListOf(LIST.OUTREACH_PEOPLE)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  personIds?: string[];

  @ApiPropertyOptional({ description: 'With `personIds` omitted: draw the list from the chains this chain follows too (default false)', example: false })
  @IsOptional()
  @IsBoolean()
  includeEarlierChains?: boolean;

  @ApiPropertyOptional({ description: 'E.g. the subject of the message or the newsletter issue', example: 'Invitation to the Kemi workshop, 14 September' })
  @IsOptional()
  @TextOf(TEXT.LONG)
  note?: string;
}
