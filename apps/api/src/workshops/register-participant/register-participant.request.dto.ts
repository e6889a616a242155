import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ATTENDANCE_MODES, LIST, TEXT, WORKSHOP_ROLES, type AttendanceMode, type WorkshopRole } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { ParticipantPersonDto } from './participant-person.request.dto';
import { ListOf, TextOf } from '../../common/validation/rules.decorators';

/** What a speaker or presenter brings to the programme. */
export class SpeakerDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'The social-innovation validation framework in practice', description: 'The talk or presentation, as the programme lists it' })
  @IsOptional()
  @TextOf(TEXT.TITLE)
  topic?: string | null;

  @ApiPropertyOptional({ default: false, example: false, description: 'Speakers are unpaid as a rule; true records a paid one (the fee itself is an expense, speaker-fees)' })
  @IsOptional()
  @IsBoolean()
  paid?: boolean;
}

/** Exactly one of `personId` and `person` (checked in the controller, which names both fields). */
export class RegisterParticipantRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', example: '8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f', description: 'Client-chosen registration id; default: made by the server' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ format: 'uuid', example: 'e5a1c3b7-2d4f-4e6a-8b9c-0d1e2f3a4b5c', description: 'An existing person; or give `person` instead' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ type: ParticipantPersonDto, example: { name: 'Aino Virtanen', email: 'aino.virtanen@example.org' }, description: 'The person inline (created, or reused by e-mail); or give `personId` instead' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantPersonDto)
  person?: ParticipantPersonDto;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', description: 'The organisation the participant represents at this workshop' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({
    enum: WORKSHOP_ROLES,
    default: 'participant',
    description:
      'participant: takes a seat and counts in the ESF+ participant figures. The people who run the workshop take no seat, need no open registration or invitation, and are counted apart by role: organiser (the hub core team), host (partner staff, e.g. at a street event), speaker (or presenter). A street event registers no participants: its citizens are a tally with the citizen input.',
  })
  @IsOptional()
  @IsIn(WORKSHOP_ROLES)
  role?: WorkshopRole;

  @ApiPropertyOptional({ type: SpeakerDto, nullable: true, example: { topic: 'The social-innovation validation framework in practice', paid: false }, description: 'Speakers only: the topic and whether they were paid (default unpaid)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpeakerDto)
  speaker?: SpeakerDto | null;

  @ApiProperty({ enum: ATTENDANCE_MODES, example: 'on-site', description: 'remote needs a hybrid or webinar workshop; nobody attends a webinar on site' })
  @IsIn(ATTENDANCE_MODES)
  attendanceMode!: AttendanceMode;

  @ApiPropertyOptional({ type: String, example: 'Ideas for bringing social enterprises and universities of applied sciences together in Lapland', nullable: true })
  @IsOptional()
  @TextOf(TEXT.LONG)
  expectations?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['How is the validation framework used in a municipality?'], description: 'Questions sent ahead for the speakers' })
  @IsOptional()
  @ListOf(LIST.ADVANCE_QUESTIONS)
  @TextOf(TEXT.QUESTION, { each: true })
  advanceQuestions?: string[];
}
