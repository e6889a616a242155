import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

export class StartChainRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu: koulutukselliset kehittämistyöpajat', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'European Social Fund Plus (ESF+) 2021–2027', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  fundingProgramme!: string;

  @ApiProperty({ example: 'DEMO-ESF-2023-001', description: 'Operation (project) code given by the managing authority', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  esfOperationId!: string;

  @ApiProperty({ example: '2023-01-01', format: 'date' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodStart must be a date YYYY-MM-DD' })
  periodStart!: string;

  @ApiProperty({ example: '2023-12-31', format: 'date', description: 'Not before periodStart' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodEnd must be a date YYYY-MM-DD' })
  periodEnd!: string;

  @ApiPropertyOptional({ example: 'Five developmental workshops, April–October 2023, each with its own template and target group.', maxLength: 4000, default: '' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  description?: string;
}
