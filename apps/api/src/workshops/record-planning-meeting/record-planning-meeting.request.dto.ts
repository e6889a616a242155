import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { LIST, PLANNING_MEETING_KINDS, TEXT, type PlanningMeetingKind } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, ListOf, TextOf } from '../../common/validation/rules.decorators';

export class RecordPlanningMeetingRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen meeting id; default: made by the server', example: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ description: 'Day of the meeting (YYYY-MM-DD)', example: '2023-02-08' })
  @IsIsoDate()
  heldOn!: string;

  @ApiProperty({ enum: PLANNING_MEETING_KINDS, description: 'With partner organisations, or of the core team', example: 'partner' })
  @IsIn(PLANNING_MEETING_KINDS)
  kind!: PlanningMeetingKind;

  @ApiProperty({ description: 'Held online (e.g. in Teams)', example: true })
  @IsBoolean()
  online!: boolean;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Organisations that took part (they become co-planning links in the network)',
    example: ['7a3e9c41-52d8-4b6f-8e1a-9c0d2f4b6a85', '3c8b1d2e-4f5a-4b6c-9d7e-8f9a0b1c2d3e'],
  })
  @ListOf(LIST.MEETING_ORGANIZATIONS)
  @IsUUID(undefined, { each: true })
  organizationIds!: string[];

  @ApiPropertyOptional({ description: 'Default: empty', example: 'Joint planning with partners (Teams).' })
  @IsOptional()
  @TextOf(TEXT.LONG)
  notes?: string;
}
