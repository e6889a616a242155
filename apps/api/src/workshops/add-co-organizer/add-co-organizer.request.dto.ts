import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class AddCoOrganizerRequestDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid', example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', description: 'A registered organisation, e.g. Valo-Valmennusyhdistys ry' })
  @IsUUID()
  organizationId!: string;
}
