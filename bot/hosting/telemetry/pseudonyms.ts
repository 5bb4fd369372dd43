import crypto from 'node:crypto';

/**
 * Stand-ins for identifiers that telemetry may not carry in clear (conversation ids, which let
 * anyone holding one act in a local Direct Line conversation, and the activity ids built on
 * them): a keyed hash, the same for the same id, so one conversation's events can still be
 * followed. The key lives only in this process's memory, so a pseudonym can be neither reversed
 * nor matched against the database; each instance (and each restart) has its own.
 */
export class Pseudonyms {
  constructor(private readonly key: Buffer = crypto.randomBytes(32)) {}

  of(id: string): string {
    return `h:${crypto.createHmac('sha256', this.key).update(id).digest('base64url').slice(0, 22)}`;
  }
}
