import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsUUID, ValidateNested } from 'class-validator';
import { ATTENDANCE_MODES, LIST, type AttendanceMode } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { ListOf } from '../../common/validation/rules.decorators';

export class AttendeeDto {
  @ApiProperty({ format: 'uuid', example: 'e5a1c3b7-2d4f-4e6a-8b9c-0d1e2f3a4b5c', description: 'A registration holding a seat' })
  @IsUUID()
  registrationId!: string;

  @ApiProperty({ enum: ATTENDANCE_MODES, example: 'remote', description: 'How the participant actually attended (e.g. the Kemi hybrid workshop: on-site or via the webinar)' })
  @IsIn(ATTENDANCE_MODES)
  mode!: AttendanceMode;
}

export class RecordAttendanceRequestDto extends BusinessTimeDto {
  @ApiProperty({ type: [AttendeeDto], description: 'One attendance sheet; attendees already recorded with the same mode are skipped' })
  @ListOf(LIST.ATTENDEES)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees!: AttendeeDto[];
}
