import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { logRequests, PinoNestLogger } from './logging';

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

describe('Nest start-up messages', () => {
  const capture = (level: string) => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().trim().split('\n')) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: new PinoNestLogger(pino({ level }, sink)) };
  };

  it('keeps the route and module bookkeeping out of an info log, and shows it at debug level', () => {
    const info = capture('info');
    const debug = capture('debug');
    for (const { logger } of [info, debug]) {
      logger.log('Mapped {/workshops/:id/held, POST} route', 'RouterExplorer');
      logger.log('KuhinaCoreModule dependencies initialized', 'InstanceLoader');
      logger.log('Projector caught up', 'Projector');
    }

    expect(info.lines.map((line) => line.msg)).toEqual(['Projector caught up']);
    expect(debug.lines.map((line) => line.context)).toEqual(['RouterExplorer', 'InstanceLoader', 'Projector']);
  });

  it('still logs errors and warnings of any context', () => {
    const info = capture('info');
    info.logger.error('boom', 'trace', 'NestApplication');
    info.logger.warn('careful', 'RoutesResolver');
    expect(info.lines.map((line) => line.msg)).toEqual(['boom', 'careful']);
  });
});
