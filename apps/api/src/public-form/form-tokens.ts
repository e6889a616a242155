import { createHmac, timingSafeEqual } from 'node:crypto';

// The public form's links are capabilities: whoever holds one may use it, nobody can make one. Each is ids and a MAC
// (HMAC-SHA-256 under a key derived from the master key, cut to 128 bits) in base64url, one purpose per link:
// - the form link `/r/<token>`: workshop id + link id (revoking the link id in the log closes it);
// - the invitation `?invitation=<token>`: workshop id + person id (the invited person's own way in);
// - the cancel link `/r/cancel/<token>`: workshop id + registration id (cancels that one registration, nothing else).
// Nothing secret is stored: the link can be shown again from its id, and a forged or altered one fails its MAC.

type Purpose = 'form-link' | 'invitation' | 'cancel';

const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const uuidBytes = (id: string): Buffer => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export class FormTokens {
  private readonly key: Buffer;

  /** `masterKey`: the installation's master key; the token key is derived from it for this one use. */
  constructor(masterKey: Buffer) {
    this.key = createHmac('sha256', masterKey).update('kuhina:public-form-tokens:v1').digest();
  }

  formLink(workshopId: string, linkId: string): string {
    return this.sign('form-link', workshopId, linkId);
  }

  invitation(workshopId: string, personId: string): string {
    return this.sign('invitation', workshopId, personId);
  }

  cancel(workshopId: string, registrationId: string): string {
    return this.sign('cancel', workshopId, registrationId);
  }

  /** The ids a token of this purpose names, or null for anything else (malformed, altered, another purpose). */
  open(purpose: Purpose, token: unknown): { workshopId: string; id: string } | null {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== 32 + MAC_BYTES) return null;
    const ids = bytes.subarray(0, 32);
    if (!timingSafeEqual(bytes.subarray(32), this.mac(purpose, ids))) return null;
    return { workshopId: uuidOf(ids.subarray(0, 16)), id: uuidOf(ids.subarray(16)) };
  }

  private sign(purpose: Purpose, workshopId: string, id: string): string {
    if (!UUID.test(workshopId) || !UUID.test(id)) throw new Error(`Form tokens name UUIDs (lower case): ${workshopId}, ${id}`);
    const ids = Buffer.concat([uuidBytes(workshopId), uuidBytes(id)]);
    return Buffer.concat([ids, this.mac(purpose, ids)]).toString('base64url');
  }

  private mac(purpose: Purpose, ids: Buffer): Buffer {
    return createHmac('sha256', this.key).update(purpose).update('\0').update(ids).digest().subarray(0, MAC_BYTES);
  }
}
