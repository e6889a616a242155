import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The built API as `npm start` runs it, with short limits so that the test sees them act (issue 16, point 4).
const main = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');
const KEY = 'office-key-0123456789abcdef';

async function start(dataDir: string, port: number, env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, KUHINA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', KURRENTDB_URL: '', MONGODB_URL: '', KUHINA_DEMO: '0', KUHINA_LOG_LEVEL: 'silent', KUHINA_API_KEYS: `office:backoffice:${KEY}`, ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (!output.includes('Kuhina is listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`API did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output };
}

/** A client that sends the headers of a POST announcing 100 bytes of body, and never the body. */
function stalledUpload(port: number): { socket: Socket; answer: Promise<{ text: string; closedAfterMs: number }> } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1', () =>
    socket.write(`POST /organizations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`),
  );
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const answer = new Promise<{ text: string; closedAfterMs: number }>((resolve) => {
    socket.on('error', () => undefined); // a reset is one way of being closed
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
  });
  return { socket, answer };
}

async function post(port: number, path: string, body: unknown): Promise<{ status: number; body: { id: string; position: string } }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { id: string; position: string } };
}

describe('timeouts and shutdown: no client holds a connection or a shutdown open', () => {
  let dir: string;
  const port = 39_000 + (process.pid % 1000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-timeouts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a request whose body never comes is answered 408 problem+json within the request timeout, and so are headers that never end', async () => {
    const { child } = await start(dir, port, { KUHINA_REQUEST_TIMEOUT_MS: '1500', KUHINA_HEADERS_TIMEOUT_MS: '1000' });
    try {
      const stalled = stalledUpload(port);
      const slowHeaders = connect(port, '127.0.0.1', () => slowHeaders.write('GET /health HTTP/1.1\r\nHost: localhost\r\n'));
      let headersAnswer = '';
      slowHeaders.on('data', (chunk: Buffer) => (headersAnswer += chunk.toString()));
      slowHeaders.on('error', () => undefined);
      const headersClosed = once(slowHeaders, 'close');

      const { text, closedAfterMs } = await stalled.answer;
      await headersClosed;

      expect(closedAfterMs).toBeLessThan(1500 + 3000);
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(text).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(text.split('\r\n\r\n')[1]!)).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT' });
      expect(headersAnswer).toMatch(/^HTTP\/1\.1 408 /);
      // The server still serves everyone else.
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit').catch(() => undefined);
    }
  }, 30_000);

  it('SIGTERM with a stalled upload open exits 0 within the grace period, and keeps every acknowledged write', async () => {
    // A request timeout far past the grace period: only the shutdown's own deadline can end that connection.
    const limits = { KUHINA_REQUEST_TIMEOUT_MS: '60000', KUHINA_SHUTDOWN_GRACE_MS: '2000' };
    const first = await start(dir, port, limits);
    const written = await post(port, '/organizations', { name: 'Sammutus Oy', sector: 'ngo' });
    expect(written.status).toBe(201);
    const stalled = stalledUpload(port);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the headers are in: the request is running

    const signalled = Date.now();
    first.child.kill('SIGTERM');
    const [code] = (await once(first.child, 'exit')) as [number | null];
    const tookMs = Date.now() - signalled;
    await stalled.answer;

    expect({ code, output: code === 0 ? '' : first.output() }).toEqual({ code: 0, output: '' });
    expect(tookMs).toBeGreaterThanOrEqual(1500);
    expect(tookMs).toBeLessThan(2000 + 4000);

    const second = await start(dir, port, limits);
    try {
      const read = await fetch(`http://127.0.0.1:${port}/organizations/${written.body.id}?consistentWith=${written.body.position}`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { name: string }).name).toBe('Sammutus Oy');
    } finally {
      second.child.kill('SIGTERM');
      await once(second.child, 'exit');
    }
  }, 60_000);

  it('SIGTERM with only idle keep-alive connections exits at once, not after the grace period', async () => {
    const { child } = await start(dir, port, { KUHINA_SHUTDOWN_GRACE_MS: '20000' });
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200); // leaves a keep-alive connection behind
    const signalled = Date.now();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5000);
  }, 30_000);
});
