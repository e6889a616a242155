import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { MAX_MINUTES_PER_ENTRY, STAFF_ACTIVITIES, TEXT, type IntegerRule, type StaffActivity } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IntegerIn, IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

/** The domain's limit of one entry (at most a day's work), as a rule the decorators take. */
const MINUTES: IntegerRule = { min: 1, max: MAX_MINUTES_PER_ENTRY, expected: `a whole number of minutes from 1 to ${MAX_MINUTES_PER_ENTRY}` };

/** Hours of a staff member, on a workshop or on the chain as a whole: one body shape for both. */
export class RecordStaffHoursRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen entry id; default: made by the server', example: '2d7f1a9c-4b3e-4c6d-8e5f-a1b2c3d4e5f6' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid', description: 'A staff member: a person with an hourly rate covering `workedOn` (POST /people/:id/hourly-rates)', example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ enum: STAFF_ACTIVITIES, description: 'What the time went to (ESF+ staff-cost evidence)', example: 'planning' })
  @IsIn(STAFF_ACTIVITIES)
  activity!: StaffActivity;

  @ApiProperty({ description: 'Day the hours were worked (YYYY-MM-DD); costed at the rate covering it', example: '2023-03-14' })
  @IsIsoDate()
  workedOn!: string;

  @ApiProperty({ description: `Time worked, in whole minutes (1–${MAX_MINUTES_PER_ENTRY}: one entry is at most a day)`, example: 90 })
  @IntegerIn(MINUTES)
  minutes!: number;

  @ApiPropertyOptional({ description: 'Default: empty', example: 'Programme planned with the City of Rauma (Teams)' })
  @IsOptional()
  @TextOf(TEXT.LONG)
  note?: string;
}
