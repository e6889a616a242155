import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { DEBRIEF_AUTHOR_ROLES, DEBRIEF_LESSONS, TEXT, type DebriefAuthorRole } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, ListOf, TextOf } from '../../common/validation/rules.decorators';

/**
 * A debrief of a workshop or of a chain (POST /workshops/{id}/debrief, POST /chains/{id}/debrief): the whole record,
 * which replaces the previous one in the lessons (the earlier versions stay there, and in the log).
 */
export class RecordDebriefRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ description: 'What worked; default empty (then whatToDevelop must say something)', example: 'The futures-workshop method; questions sent to the speakers in advance; the city hall as venue.' })
  @IsOptional()
  @TextOf(TEXT.LONG, { emptyAllowed: true })
  whatWorked?: string;

  @ApiPropertyOptional({ description: 'What to develop next time; default empty', example: 'Tell the participants about the coming workshops before they leave; map partners and their resources first.' })
  @IsOptional()
  @TextOf(TEXT.LONG, { emptyAllowed: true })
  whatToDevelop?: string;

  @ApiPropertyOptional({ type: [String], description: 'Takeaways for the next workshop or chain, one per item; default none', example: ['Work with partners you already know', 'Outreach to past participants a month ahead'] })
  @IsOptional()
  @ListOf(DEBRIEF_LESSONS)
  @TextOf(TEXT.LONG, { each: true })
  lessons?: string[];

  @ApiProperty({ enum: DEBRIEF_AUTHOR_ROLES, description: "Whose view it gives: the hub's core team, the partners, or both together", example: 'joint' })
  @IsIn(DEBRIEF_AUTHOR_ROLES)
  authorRole!: DebriefAuthorRole;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2023-04-26',
    description: 'The day of the debrief meeting; it dates the record (`occurredAt` still wins). Without it the record is dated by what it looks back on (see Business date)',
  })
  @ValidateIf((_: object, value: unknown) => value !== undefined && value !== null)
  @IsIsoDate()
  heldOn?: string | null;
}

/** The debrief a request describes, with the defaults filled in. */
export const debriefFromRequest = (dto: RecordDebriefRequestDto) => ({
  whatWorked: dto.whatWorked ?? '',
  whatToDevelop: dto.whatToDevelop ?? '',
  lessons: [...(dto.lessons ?? [])],
  authorRole: dto.authorRole,
  heldOn: dto.heldOn ?? null,
});
