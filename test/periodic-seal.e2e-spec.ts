import { AUDIT_SEALS_STREAM, type AuditSealedData } from '@kuhina/event-store';
import { apiHarness, type ApiHarness } from './support/api-harness';

describe('Periodic seals where the projector runs (KUHINA_SEAL_EVERY)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness({ demo: true, env: { KUHINA_SEAL_EVERY: '400' } });
  }, 60_000);
  afterAll(() => api.close());

  it('seals the demo log every 400 events without anyone asking, and GET /audit/verify checks each seal', async () => {
    const seals = async () => (await api.store().readStream(AUDIT_SEALS_STREAM)).map((event) => ({ ...(event.data as AuditSealedData), actor: event.metadata.actor }));
    for (let waited = 0; (await seals()).length < 2 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));

    const sealed = await seals();
    expect(sealed.length).toBeGreaterThanOrEqual(2);
    expect(sealed.every((seal) => seal.actor === 'projector')).toBe(true);
    expect(Number(sealed[1]!.position) - Number(sealed[0]!.position) - 1).toBeGreaterThanOrEqual(400);
    const verify = await api.get<{ intact: boolean; seals: Array<{ intact: boolean }> }>('/audit/verify', { as: 'auditor' });
    expect(verify.body.intact).toBe(true);
    expect(verify.body.seals.length).toBe(sealed.length);
    expect(verify.body.seals.every((seal) => seal.intact)).toBe(true);
  }, 30_000);
});
