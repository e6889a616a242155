import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { EsfCharacteristicsDto } from '../../common/http/esf-characteristics.request.dto';
import { IsEmailAddress, IsPhone, TextOf } from '../../common/validation/rules.decorators';

/** A participant described inline: created, or reused when a person with this e-mail exists. Personal data; stored encrypted. */
export class ParticipantPersonDto {
  @ApiProperty({ example: 'Aino Virtanen' })
  @TextOf(TEXT.NAME)
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'aino.virtanen@example.org', nullable: true, description: 'Finds the same person again across workshops' })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '+358 40 123 4567', nullable: true })
  @IsOptional()
  @IsPhone()
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
