import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shape of a SealCheck (libs/event-store/src/seal/verify-seals.ts). */
export class SealCheckResponse {
  @ApiProperty() intact!: boolean;
  @ApiProperty({ format: 'uuid', description: 'Id of the AuditSealed event' }) id!: string;
  @ApiProperty({ description: 'Its revision in the audit-seals stream' }) revision!: number;
  @ApiProperty({ type: String, nullable: true, example: '1013', description: 'The sealed log position (decimal string)' }) position!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Stream heads covered, as sealed' }) streams!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Merkle root as sealed (sha256-merkle-v1, hex)' }) root!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the seal was taken' }) at!: string | null;
  @ApiPropertyOptional({ enum: ['root-mismatch', 'unsupported-algorithm', 'malformed'], description: 'Broken seals only' }) problem?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Broken seals only: the root the log gives now at that position' }) recomputedRoot?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Broken seals only: stream heads at that position now' }) recomputedStreams?: number | null;
}

/** OpenAPI shape of a LogVerification (libs/event-store/src/seal/verify-log.ts). */
export class VerifyLogResponse {
  @ApiProperty({ description: 'True when every hash, every link and every seal checks out' }) intact!: boolean;
  @ApiPropertyOptional({ description: 'Streams whose chain was recomputed (absent when a link is broken)' }) streams?: number;
  @ApiPropertyOptional({ description: 'Events whose hash was recomputed (absent when a link is broken)' }) events?: number;
  @ApiPropertyOptional({
    enum: ['hash-mismatch', 'prev-hash-mismatch', 'revision-gap', 'seal-mismatch'],
    description: 'Why the log is not intact: the first broken link of a hash chain, or (the chain holding) a seal that no longer matches',
  })
  problem?: string;
  @ApiPropertyOptional({ description: 'Broken link: the stream' }) stream?: string;
  @ApiPropertyOptional({ description: 'Broken link: the revision where the chain breaks' }) revision?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Broken link: the event found there' }) eventId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Broken link: hash-mismatch: the recomputed hash; otherwise the previous event’s hash' }) expectedHash?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Broken link: hash-mismatch: the stored hash; otherwise the stored prevHash' }) foundHash?: string | null;
  @ApiPropertyOptional({ type: SealCheckResponse, description: 'seal-mismatch: the first broken seal' }) seal?: SealCheckResponse;
  @ApiProperty({ type: [SealCheckResponse], description: 'Every seal in the audit-seals stream, in order, with its result' }) seals!: SealCheckResponse[];
}
