/**
 * Replies on a connection, awaited one at a time: `next()` resolves with the next message, in
 * order, and rejects once the connection is lost (the background stopped, the extension reloaded),
 * so that a caller waiting for a chunk learns of it instead of waiting for ever.
 */
import type { PortLike } from '@/src/messaging/protocol';

export const CONNECTION_LOST = 'The connection to the extension’s background was lost; nothing was changed. Try again.';

export class Inbox<T> {
  private queue: T[] = [];
  private waiting: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  private lost = false;

  constructor(private port: PortLike) {
    port.onMessage.addListener((message) => {
      const waiter = this.waiting.shift();
      // The background is the trusted side and replies in the protocol's shapes.
      if (waiter) waiter.resolve(message as T);
      else this.queue.push(message as T);
    });
    port.onDisconnect.addListener(() => this.fail());
  }

  next(): Promise<T> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.lost) return Promise.reject(new Error(CONNECTION_LOST));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Sends a request on the connection; a closed one makes the next `next()` reject. */
  send(message: unknown): void {
    if (this.lost) return;
    try {
      this.port.postMessage(message);
    } catch {
      this.fail();
    }
  }

  /** Closes the connection; the background drops whatever it held for it. */
  destroy(): void {
    if (!this.lost) this.port.disconnect();
    this.fail();
  }

  private fail(): void {
    this.lost = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(CONNECTION_LOST));
  }
}
