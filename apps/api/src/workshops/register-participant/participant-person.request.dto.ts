import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { EsfCharacteristicsDto } from '../../common/http/esf-characteristics.request.dto';

/** A participant described inline: created, or reused when a person with this e-mail exists. Personal data; stored encrypted. */
export class ParticipantPersonDto {
  @ApiProperty({ example: 'Aino Virtanen', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, format: 'email', example: 'aino.virtanen@example.org', maxLength: 254, nullable: true, description: 'Finds the same person again across workshops' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '+358 40 123 4567', maxLength: 40, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{4,38}$/, { message: 'phone must be a phone number such as +358 40 123 4567' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', description: 'The organisation the person works for (their affiliation)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ type: EsfCharacteristicsDto, example: { gender: 'female', birthYear: 1985, labourMarketStatus: 'employed' }, description: 'ESF+ participant characteristics, when the participant gives them' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EsfCharacteristicsDto)
  esf?: EsfCharacteristicsDto;
}
