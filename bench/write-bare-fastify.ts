/**
 * The floor for `npm run bench:write`'s HTTP rows: a bare Fastify route in its own Node process (as the API runs),
 * `POST /organizations` → one durable better-sqlite3 insert per request (WAL, synchronous=FULL, one transaction each,
 * into a table shaped like the event log's) → `201 { id, position }`. No validation, no auth, no idempotency, no
 * projection: what one durable write per request costs here, with nothing else.
 * Started by write-http.ts as `node dist/bench/write-bare-fastify.js` with BENCH_DB and PORT; prints 'bare listening'.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { createRawEventTable } from './write-store';

const db = new Database(process.env.BENCH_DB!);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
createRawEventTable(db);
const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, prev_hash, hash) VALUES (?, ?, 0, ?, ?, ?, NULL, ?)');
const write = db.transaction((id: string, data: string, metadata: string) => insert.run(id, `organization-${id}`, 'OrganizationRegistered', data, metadata, id).lastInsertRowid).immediate;

const app = Fastify({ logger: false });
app.post('/organizations', async (request, reply) => {
  const id = randomUUID();
  const now = new Date().toISOString();
  const metadata = JSON.stringify({ occurredAt: now, recordedAt: now, actor: 'bench', correlationId: id, causationId: null, schemaVersion: 1 });
  const position = write(id, JSON.stringify(request.body), metadata);
  return reply.code(201).send({ id, position: String(position) });
});
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('bare listening'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
