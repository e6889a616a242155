import { HttpStatus, Logger, ServiceUnavailableException, type CallHandler } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/internal';
import { lastValueFrom, of } from 'rxjs';
import { PERSONAL_DATA_ACCESS_STREAM } from '@kuhina/application';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { PersonalDataAccessInterceptor, RevealsPersonalData } from './personal-data-access.interceptor';

type Answer = { people: Array<{ id: string; name: string | null }> };

class RegistrationsRoute {
  @RevealsPersonalData<Answer>((answer) => answer.people.filter((person) => person.name !== null).map((person) => person.id))
  list(): void {}
}

describe('PersonalDataAccessInterceptor (embedded SQLite store)', () => {
  let harness: EventStoreHarness;
  let sut: PersonalDataAccessInterceptor;
  const workshopId = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const aino = '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a';
  const eero = '6a8b0c1e-2f3a-4b5d-8e9f-1a3c5e7a9b0d';
  const answer: Answer = { people: [{ id: aino, name: 'Aino Virtanen' }, { id: eero, name: null }] };

  const request = {
    id: 'req-42',
    method: 'GET',
    url: `/workshops/${workshopId}/registrations?consistentWith=7`,
    routeOptions: { url: '/workshops/:id/registrations' },
    params: { id: workshopId },
    principal: { name: 'office', role: 'backoffice' },
  };
  const reply = () => {
    const headers: Record<string, string> = { etag: '"3"' };
    return { headers, removeHeader: (name: string) => delete headers[name] };
  };
  const contextOf = (httpReply: ReturnType<typeof reply>) => new ExecutionContextHost([request, httpReply], RegistrationsRoute, RegistrationsRoute.prototype.list);
  const handler = (value: Answer): CallHandler => ({ handle: () => of(value) });

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new PersonalDataAccessInterceptor(new Reflector(), harness.store);
  });
  afterEach(() => harness.cleanup());

  it('records one access naming the people the answer reveals, then lets the answer through unchanged', async () => {
    const passed = await lastValueFrom(sut.intercept(contextOf(reply()), handler(answer)));

    expect(passed).toBe(answer);
    const events = await harness.store.readStream(PERSONAL_DATA_ACCESS_STREAM);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      accessedBy: 'office',
      role: 'backoffice',
      people: [aino],
      endpoint: { method: 'GET', route: '/workshops/:id/registrations', id: workshopId },
      requestId: 'req-42',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(JSON.stringify([events[0]!.data, events[0]!.metadata])).not.toContain('Aino');
  });

  it('records nothing for an answer that reveals no one', async () => {
    const nobody: Answer = { people: [{ id: eero, name: null }] };

    expect(await lastValueFrom(sut.intercept(contextOf(reply()), handler(nobody)))).toBe(nobody);
    expect(await harness.store.readStream(PERSONAL_DATA_ACCESS_STREAM)).toEqual([]);
  });

  it('withholds the answer with 503 ACCESS_LOG.UNAVAILABLE when the access cannot be recorded', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const httpReply = reply();
    const failed = sut.intercept(contextOf(httpReply), handler(answer));
    await harness.store.close(); // the store is gone: the append fails for real

    const outcome = await lastValueFrom(failed).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    expect(outcome).toEqual({ error: expect.any(ServiceUnavailableException) });
    const error = (outcome as { error: ServiceUnavailableException }).error;
    expect(error.getStatus()).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect(error.getResponse()).toMatchObject({ code: 'ACCESS_LOG.UNAVAILABLE' });
    expect(JSON.stringify(error.getResponse())).not.toContain('Aino');
    expect(httpReply.headers).toEqual({});
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('req-42'));
    logged.mockRestore();
  });
});
