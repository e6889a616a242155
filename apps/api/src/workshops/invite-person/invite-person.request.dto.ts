import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { WORKSHOP_ROLES, type WorkshopRole } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';

export class InvitePersonRequestDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid', example: 'e5a1c3b7-2d4f-4e6a-8b9c-0d1e2f3a4b5c', description: 'A person created through POST /people (or an inline registration)' })
  @IsUUID()
  personId!: string;

  @ApiPropertyOptional({ enum: WORKSHOP_ROLES, default: 'participant', description: 'The role the person is invited in (a speaker, a partner host, or a participant)' })
  @IsOptional()
  @IsIn(WORKSHOP_ROLES)
  role?: WorkshopRole;
}
