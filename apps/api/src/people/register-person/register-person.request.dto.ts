import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';
import { EsfCharacteristicsDto } from '../../common/http/esf-characteristics.request.dto';

export class RegisterPersonRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Aino Virtanen', maxLength: 200, description: 'Personal data: encrypted with a key of this person before it is recorded' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'aino.virtanen@example.org', format: 'email', maxLength: 254, nullable: true, description: 'A person with this e-mail already registered is reused (200, created: false)' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '+358 40 123 4567', maxLength: 40, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  @Matches(/^\+?[0-9][0-9 ()-]*$/, { message: 'phone may hold digits, spaces, parentheses, hyphens and a leading +' })
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
