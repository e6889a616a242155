import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { TextOf } from '../../common/validation/rules.decorators';

export class AddContactPersonRequestDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid', description: 'A person created with POST /people (their personal data stays in their own, erasable record)', example: '5b1f0c2e-7a3d-4e8f-9b6a-1c2d3e4f5a6b' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ description: 'What the person is the contact for', example: 'events and venue bookings' })
  @TextOf(TEXT.LABEL)
  role!: string;
}
