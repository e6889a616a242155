import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class ChangeAffiliationRequestDto extends BusinessTimeDto {
  // Required but nullable: leaving it out is an error, `null` means "no organisation".
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'A registered organisation, or null for none', example: '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e' })
  @ValidateIf((_: object, value: unknown) => value !== null)
  @IsUUID()
  organizationId!: string | null;
}
