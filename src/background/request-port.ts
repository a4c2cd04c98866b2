/**
 * The background's side of REQUEST_PORT (src/messaging/protocol.ts): requests that would be
 * runtime messages, sent over one connection, each answered by the router exactly as its runtime
 * message would be (sender policy, validation). Free of extension APIs: tests connect a PortLike.
 */
import { fail, type PortLike, type PortReply, type Result } from '@/src/messaging/protocol';
import { portRefusal, type SenderInfo } from './sender';

/** Answers one request's envelope, as the runtime message listener does (undefined: not ours). */
export type RequestHandler = (message: unknown) => Promise<Result<unknown> | undefined>;

/**
 * Checks who opened the connection, then answers each `{ id, message }` with `{ id, reply }`, as
 * they finish. A refused connection gets one reply with id -1 and is closed; a message that is
 * not a numbered request is dropped (there is no id to answer).
 */
export function acceptRequestPort(port: PortLike, sender: SenderInfo, handle: RequestHandler): void {
  const error = portRefusal(port.name, sender);
  if (error) {
    port.postMessage({ id: -1, reply: fail(error) } satisfies PortReply);
    port.disconnect();
    return;
  }
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  port.onMessage.addListener((raw) => {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return;
    void handle((raw as { message?: unknown }).message)
      .catch((error: unknown) => fail(`The request failed: ${error instanceof Error ? error.message : String(error)}`))
      .then((reply) => {
        // The page may have closed meanwhile; nobody is left to answer.
        if (open) port.postMessage({ id, reply: reply ?? fail('Not a Marginalia request.') } satisfies PortReply);
      });
  });
}
