import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { LIST, TEXT } from '@kuhina/domain';
import { BusinessTimeDto } from '../../common/http/business-time';
import { IsIsoDate, ListOf, TextOf } from '../../common/validation/rules.decorators';

export class RecordCollaborationRequestDto extends BusinessTimeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '8e3d2c1b-4a5f-4e6d-9c7b-0a1b2c3d4e5f' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'At least two distinct registered organisations, founding partners first',
    example: ['3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e', '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e'],
  })
  @ListOf(LIST.COLLABORATION_PARTNERS)
  @IsUUID(undefined, { each: true })
  organizationIds!: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The workshop where the partners met', example: '7b9e6c2a-1d3f-4a5b-8c6d-2e4f6a8b0c1d' })
  @IsOptional()
  @IsUUID()
  sparkedByWorkshopId?: string | null;

  @ApiProperty({ example: 'Penkkikahvilat Satakunnan kunnissa' })
  @TextOf(TEXT.TITLE)
  title!: string;

  @ApiPropertyOptional({
    example: 'The City of Pori and Maaseudun Sivistysliitto take the bench café method to four more municipalities after Suomi Areena.',
    default: '',
  })
  @IsOptional()
  @TextOf(TEXT.LONG, { emptyAllowed: true })
  description?: string;

  @ApiProperty({ example: '2023-09-01' })
  @IsIsoDate()
  startedOn!: string;
}
