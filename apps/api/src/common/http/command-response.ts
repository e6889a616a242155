import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

export class CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'Id of the created or changed resource' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1013',
    description: 'Log position of the last event this write appended (a decimal string: positions are 64-bit). Pass it as `consistentWith` to read your own write.',
  })
  position!: string | null;
}

/** Every answer about one stream carries its revision as ETag, for `If-Match` on the next write. */
export function withEtag(reply: FastifyReply, revision: number): void {
  if (revision >= 0) void reply.header('etag', `"${revision}"`);
}

// The one position formatter lives with the log; controllers take it from here with the rest of a write's answer.
export { positionText } from '@kuhina/event-store';
