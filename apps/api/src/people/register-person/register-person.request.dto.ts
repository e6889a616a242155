import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';
import { PersonDetailsDto } from '../../common/http/person-details.request.dto';

export class RegisterPersonRequestDto extends IntersectionType(BusinessTimeDto, PersonDetailsDto) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; default: made by the server', example: '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a' })
  @IsOptional()
  @IsUUID()
  id?: string;
}
