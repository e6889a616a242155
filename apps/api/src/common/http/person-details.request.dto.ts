import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { IsEmailAddress, IsPhone, TextOf } from '../validation/rules.decorators';
import { EsfCharacteristicsDto } from './esf-characteristics.request.dto';

/**
 * A person as the back-office describes one: for `POST /people` and for a participant registered inline. Personal data,
 * encrypted with a key of this person before it is recorded. One class, so both doors take a person by the same rules.
 */
export class PersonDetailsDto {
  @ApiProperty({ example: 'Aino Virtanen', description: 'Personal data: encrypted with a key of this person before it is recorded' })
  @TextOf(TEXT.NAME)
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'aino.virtanen@example.org', nullable: true, description: 'Finds the same person again: a person with this e-mail already registered is reused' })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '+358 40 123 4567', nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', description: 'A registered organisation the person works for (their affiliation)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ type: EsfCharacteristicsDto, nullable: true, example: { gender: 'female', birthYear: 1985, labourMarketStatus: 'employed', educationLevel: 'isced-5-8' }, description: 'ESF+ participant characteristics, when the person gives them' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EsfCharacteristicsDto)
  esf?: EsfCharacteristicsDto | null;
}
