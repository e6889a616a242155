import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { personStream } from '@kuhina/domain';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { PersonalDataCipher, type EncryptedPersonalData } from '@kuhina/privacy';
import { loadConfig } from '../kuhina-config';
import { KuhinaCoreModule } from '../kuhina-core.module';
import { RegisterPerson, type RegisterPersonResult } from './register-person.command';

describe('RegisterPerson: encrypted personal data, found again through the e-mail blind index (real SQLite)', () => {
  let dir: string;
  let app: INestApplicationContext;
  let bus: CommandBus;
  let store: EventStore;
  const register = (email: string | null, name = 'Aino Virtanen') =>
    bus.execute<RegisterPerson, RegisterPersonResult>(
      new RegisterPerson(
        { personalData: { name, email, phone: '+358 40 123 4567', esf: { gender: 'female', birthYear: 1985 } }, organizationId: null, at: '2023-04-01T10:00:00.000Z' },
        { commandId: randomUUID(), actor: 'office', correlationId: randomUUID() },
      ),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-person-'));
    app = await NestFactory.createApplicationContext(KuhinaCoreModule.forRoot(loadConfig({ KUHINA_DATA_DIR: dir })), { logger: false });
    bus = app.get(CommandBus);
    store = app.get(EVENT_STORE);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a person whose data decrypts back, and finds the same person for the same e-mail written differently', async () => {
    const sut = await register('aino.virtanen@example.org');
    const again = await register('  Aino.Virtanen@EXAMPLE.org ', 'A. Virtanen');

    expect(sut.created).toBe(true);
    expect(again).toMatchObject({ personId: sut.personId, created: false });
    const events = await store.readStream(personStream(sut.personId));
    expect(events.map((e) => e.type)).toEqual(['PersonCreated']);
    const sealed = (events[0]!.data as { personalData: EncryptedPersonalData }).personalData;
    expect(await app.get(PersonalDataCipher).decrypt(sealed)).toEqual({
      name: 'Aino Virtanen',
      email: 'aino.virtanen@example.org',
      phone: '+358 40 123 4567',
      esf: { gender: 'female', birthYear: 1985 },
    });
    // The ESF+ categories, and only they, are also kept in clear (they must outlive an erasure): a band, not the year.
    expect((events[0]!.data as { esfProfile: unknown }).esfProfile).toEqual({ gender: 'female', ageBand: '30-54', labourMarketStatus: 'unknown', educationLevel: 'unknown' });
  });

  it('answers a retried command (same command id) as the first time: created, at the same position, nothing appended', async () => {
    const command = new RegisterPerson(
      { personalData: { name: 'Ville Rantanen', email: 'ville.rantanen@example.org', phone: null }, organizationId: null, at: '2023-04-01T10:00:00.000Z' },
      { commandId: randomUUID(), actor: 'office', correlationId: randomUUID() },
    );
    const first = await bus.execute<RegisterPerson, RegisterPersonResult>(command);
    const head = await store.headPosition();

    const retry = await bus.execute<RegisterPerson, RegisterPersonResult>(command);

    expect(first).toMatchObject({ created: true, duplicate: false });
    expect(retry).toEqual({ personId: first.personId, created: true, duplicate: true, position: first.position, revision: first.revision });
    expect(await store.headPosition()).toBe(head);
  });

  it('makes one person of two registrations with the same e-mail racing each other', async () => {
    const results = await Promise.all([register('eero.korhonen@example.org'), register('eero.korhonen@example.org'), register('EERO.KORHONEN@example.org')]);

    expect(new Set(results.map((r) => r.personId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('creates separate people when no e-mail is given', async () => {
    const [a, b] = await Promise.all([register(null, 'Helmi Mäkinen'), register(null, 'Helmi Mäkinen')]);
    expect(a!.personId).not.toBe(b!.personId);
  });

  it('never writes the name, e-mail or phone in clear to the event log file', async () => {
    await register('juho.nieminen@example.org', 'Juho Nieminen');
    const bytes = readFileSync(join(dir, 'events.db')).toString('latin1') + readFileSync(join(dir, 'events.db-wal'), { flag: 'a+' }).toString('latin1');
    for (const secret of ['juho.nieminen', 'Juho Nieminen', 'aino.virtanen', 'Virtanen', '123 4567']) expect(bytes).not.toContain(secret);
  });
});
