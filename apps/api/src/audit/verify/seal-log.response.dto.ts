import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse } from '../../common/http/command-response';

export class AuditSealedResponse {
  @ApiProperty({ example: '1013', description: 'The sealed log position (decimal string): the log head when the seal was taken' }) position!: string;
  @ApiProperty({ description: 'Stream heads covered (every stream but audit-seals)' }) streams!: number;
  @ApiProperty({ description: 'Merkle root, lower-case hex; recompute it by hand as described in the docs of sha256-merkle-v1' }) root!: string;
  @ApiProperty({ enum: ['sha256-merkle-v1'] }) algorithm!: string;
  @ApiProperty({ description: 'When the seal was taken (ISO 8601)' }) at!: string;
}

/** `id` and `position` are the AuditSealed event's own, as for every write. */
export class SealLogResponse extends CommandResponse {
  @ApiProperty({ type: AuditSealedResponse }) seal!: AuditSealedResponse;
}
