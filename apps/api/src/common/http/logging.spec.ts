import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { logRequests } from './logging';

describe('request log', () => {
  it('writes one line per request with method, route, status and duration, and never the Authorization header', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n'));
        done();
      },
    });
    const sut = Fastify();
    logRequests(sut, pino({ level: 'info' }, sink));
    sut.post('/things/:id', async (_request, reply) => reply.status(201).send({ ok: true }));

    await sut.inject({ method: 'POST', url: '/things/7?x=1', headers: { authorization: 'Bearer secret-key-123456789' }, payload: { a: 1 } });
    await sut.close();

    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ method: 'POST', url: '/things/7', route: '/things/:id', status: 201, msg: 'request' });
    expect(typeof line.durationMs).toBe('number');
    expect(lines[0]).not.toContain('secret-key');
  });
});
