import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, TextOf } from '../../common/validation/rules.decorators';

export class StartChainRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: koulutukselliset kehittämistyöpajat' })
  @TextOf(TEXT.NAME)
  name!: string;

  @ApiProperty({ example: 'European Social Fund Plus (ESF+) 2021–2027' })
  @TextOf(TEXT.NAME)
  fundingProgramme!: string;

  @ApiProperty({ example: 'DEMO-ESF-2023-001', description: 'Operation (project) code given by the managing authority' })
  @TextOf(TEXT.CODE)
  esfOperationId!: string;

  @ApiProperty({ example: '2023-01-01' })
  @IsIsoDate()
  periodStart!: string;

  @ApiProperty({ example: '2023-12-31', description: 'Not before periodStart' })
  @IsIsoDate()
  periodEnd!: string;

  @ApiPropertyOptional({ example: 'Five developmental workshops, April–October 2023, each with its own template and target group.', default: '' })
  @IsOptional()
  @TextOf(TEXT.LONG, { emptyAllowed: true })
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '0b6f2c1e-3d4a-4b5c-8d9e-0f1a2b3c4d5e',
    description: "The hub's own organisation (the competence centre running the chain): it organises, so it is never counted among the organisations the chain supported or reached",
  })
  @IsOptional()
  @IsUUID()
  hubOrganizationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93',
    description:
      'The earlier chain this one follows (its lessons are gathered with this one\'s by GET /chains/{id}/lessons). Set once, when the chain starts; several chains may follow the same one. 404 CHAIN.NOT_FOUND for an unknown chain, 400 CHAIN.FOLLOWS_ITSELF for the chain itself',
  })
  @IsOptional()
  @IsUUID()
  followsChainId?: string | null;
}
