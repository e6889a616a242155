import { randomBytes } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { RegisterPersonHandler, type RegisterPerson } from '@kuhina/application';
import { organizationDecider, organizationStream, personStream } from '@kuhina/domain';
import { BlindIndex, MemoryKeyStore, PersonalDataCipher } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { RegisterPersonHttpController, type RegisterPersonResponse } from './register-person.http.controller';
import type { RegisterPersonRequestDto } from './register-person.request.dto';

/** What the route sent: Fastify's reply reduced to the three calls the controller makes. */
class SentReply {
  status = 0;
  headers: Record<string, string> = {};
  body: RegisterPersonResponse | undefined;
  asReply(): FastifyReply {
    const reply = {
      status: (code: number) => ((this.status = code), reply),
      header: (name: string, value: string) => ((this.headers[name] = value), reply),
      send: (body: RegisterPersonResponse) => ((this.body = body), reply),
    };
    return reply as unknown as FastifyReply;
  }
}

describe('RegisterPersonHttpController (real RegisterPersonHandler over a real embedded store)', () => {
  let harness: EventStoreHarness;
  let sut: RegisterPersonHttpController;
  const aino = { name: 'Aino Virtanen', email: 'aino.virtanen@example.org', phone: '+358 40 123 4567' } as RegisterPersonRequestDto;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    const handler = new RegisterPersonHandler(harness.handler, new PersonalDataCipher(new MemoryKeyStore()), new BlindIndex(randomBytes(32)));
    // Only the dispatch is stood in for: CommandBus routing is Nest's, the handler and the store are real.
    const bus = { execute: (command: RegisterPerson) => handler.execute(command) } as unknown as CommandBus;
    sut = new RegisterPersonHttpController(bus);
  });
  afterEach(() => harness.cleanup());

  const register = async (dto: RegisterPersonRequestDto, commandId?: string) => {
    const sent = new SentReply();
    await sut.register(dto, harness.context(commandId ? { commandId } : {}), sent.asReply());
    return sent;
  };

  it('answers 201 created for a new person, with the position of PersonCreated and ETag "0"', async () => {
    const sent = await register(aino);
    const [created] = await harness.store.readStream(personStream(sent.body!.id));

    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ id: expect.any(String), position: created!.position.toString(), created: true });
    expect(sent.headers.etag).toBe('"0"');
  });

  it('answers 200 created: false with the existing id when the e-mail is already registered, and records nothing', async () => {
    const first = await register(aino);
    const head = await harness.store.headPosition();

    const again = await register({ ...aino, name: 'A. Virtanen', email: ' AINO.virtanen@example.org' } as RegisterPersonRequestDto);

    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body!.id, position: first.body!.position, created: false });
    expect(await harness.store.headPosition()).toBe(head);
  });

  it('answers a retry of the same command (same Idempotency-Key) with the first answer: 201 created', async () => {
    const commandId = '5e0a3c2b-1d4f-4e6a-8b9c-0d1e2f3a4b5c';
    const first = await register(aino, commandId);

    const retry = await register(aino, commandId);

    expect([retry.status, retry.body]).toEqual([201, first.body]);
    expect(await harness.eventsOf(personStream(first.body!.id))).toHaveLength(1);
  });

  it('refuses an organisation that was never registered with ORGANIZATION.NOT_FOUND before recording anything', async () => {
    await expect(register({ ...aino, organizationId: '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6' } as RegisterPersonRequestDto)).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND' });
    expect(await harness.store.headPosition()).toBeNull();
  });

  it('records the affiliation with a registered organisation', async () => {
    const organizationId = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
    await harness.handler.handle(
      organizationDecider,
      organizationStream(organizationId),
      { type: 'RegisterOrganization', data: { organizationId, name: 'Rauman kaupunki', sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta', businessId: null, website: null }, at: '2023-01-01T00:00:00.000Z' },
      harness.context(),
    );

    const sent = await register({ ...aino, organizationId } as RegisterPersonRequestDto);

    expect((await harness.eventsOf(personStream(sent.body!.id)))[0]!.data).toMatchObject({ organizationId });
  });
});
