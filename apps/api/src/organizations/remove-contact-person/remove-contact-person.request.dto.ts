import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { BusinessTimeDto } from '../../common/http/business-time';

/** Who stops being a contact person (the person's own record stays as it is). */
export class RemoveContactPersonRequestDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid', example: '5b1f0c2e-7a3d-4e8f-9b6a-1c2d3e4f5a6b' })
  @IsUUID()
  personId!: string;
}
