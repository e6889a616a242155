import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate } from '../../common/validation/rules.decorators';

export class AddCollaborationPartnerRequestDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid', description: 'A registered organisation', example: '4c2e8a1f-6b3d-4e5a-9f7c-1a2b3c4d5e6f' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({ type: String, example: '2023-11-15', nullable: true, description: 'Not before the collaboration started; default: the date of occurredAt (or today)' })
  @IsOptional()
  @IsIsoDate()
  joinedOn?: string | null;
}
