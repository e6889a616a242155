import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class AddCollaborationPartnerRequestDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid', description: 'A registered organisation', example: '4c2e8a1f-6b3d-4e5a-9f7c-1a2b3c4d5e6f' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({ type: String, example: '2023-11-15', format: 'date', nullable: true, description: 'Not before the collaboration started; default: the date of occurredAt (or today)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'joinedOn must be a date YYYY-MM-DD' })
  joinedOn?: string | null;
}
