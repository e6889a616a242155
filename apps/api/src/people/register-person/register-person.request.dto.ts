import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { EsfCharacteristicsDto } from '../../common/http/esf-characteristics.request.dto';
import { IsEmailAddress, IsPhone, TextOf } from '../../common/validation/rules.decorators';

export class RegisterPersonRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Aino Virtanen', description: 'Personal data: encrypted with a key of this person before it is recorded' })
  @TextOf(TEXT.NAME)
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'aino.virtanen@example.org', nullable: true, description: 'A person with this e-mail already registered is reused (200, created: false)' })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '+358 40 123 4567', nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A registered organisation the person represents', example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ type: EsfCharacteristicsDto, nullable: true, example: { gender: 'female', birthYear: 1985, labourMarketStatus: 'employed', educationLevel: 'isced-5-8' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => EsfCharacteristicsDto)
  esf?: EsfCharacteristicsDto | null;
}
