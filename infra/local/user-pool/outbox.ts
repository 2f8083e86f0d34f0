import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StateFile } from '../store/state-file';

const messageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  kind: z.enum(['temporary-password', 'reset-code', 'verification-code']),
  /** The code or temporary password the message carries, so a test or a person can use it. */
  secret: z.string(),
  username: z.string(),
  sentAt: z.string(),
});
export type OutboxMessage = z.infer<typeof messageSchema>;

/** What Cognito would e-mail, kept locally and served at `/_local/outbox`. */
export class Outbox {
  private messages: OutboxMessage[];

  constructor(
    private readonly file: StateFile<OutboxMessage[]>,
    private readonly now: () => number,
  ) {
    this.messages = file.load() ?? [];
  }

  static schema = z.array(messageSchema);

  send(message: Omit<OutboxMessage, 'id' | 'sentAt'>): OutboxMessage {
    const stored = { ...message, id: randomUUID(), sentAt: new Date(this.now()).toISOString() };
    this.messages.push(stored);
    this.file.save(this.messages);
    return stored;
  }

  /** Newest first, optionally only those to one address. */
  list(to?: string): OutboxMessage[] {
    const wanted = to?.toLowerCase();
    return this.messages.filter((m) => !wanted || m.to.toLowerCase() === wanted).reverse();
  }
}
