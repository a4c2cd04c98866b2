/**
 * Requests to the background over one connection (REQUEST_PORT), for requests sent many times in
 * a row — the popup's search as the reader types: the same Results as `sendToBackground`, sooner.
 * The connection opens with the first request. When it closes (the background was stopped, the
 * extension reloaded), the requests still waiting, and one that finds it closed, go as runtime
 * messages, which start the background again; the next request connects afresh.
 */
import { browser } from 'wxt/browser';
import { isResult, sendToBackground } from './client';
import { fail, REQUEST_PORT, type BackgroundRequestType, type PortReply, type PortRequest, type ReplyOf, type RequestOf, type Result } from './protocol';

interface Waiting {
  resolve(reply: Result<unknown>): void;
  /** The same request as a runtime message. */
  resend(): Promise<Result<unknown>>;
}

interface Connection {
  port: ReturnType<typeof browser.runtime.connect>;
  waiting: Map<number, Waiting>;
}

let current: Connection | undefined;
let nextId = 0;

/** Forgets a closed connection and sends what it still owed as runtime messages. */
function close(connection: Connection): void {
  if (current === connection) current = undefined;
  for (const w of connection.waiting.values()) void w.resend().then(w.resolve);
  connection.waiting.clear();
}

function connect(): Connection {
  const connection: Connection = { port: browser.runtime.connect({ name: REQUEST_PORT }), waiting: new Map() };
  connection.port.onMessage.addListener((raw: unknown) => {
    const { id, reply } = (raw ?? {}) as Partial<PortReply>;
    const w = typeof id === 'number' ? connection.waiting.get(id) : undefined;
    if (!w) return;
    connection.waiting.delete(id!);
    w.resolve(isResult(reply) ? reply : fail('No reply from the background.'));
  });
  connection.port.onDisconnect.addListener(() => close(connection));
  return connection;
}

/** Sends a request to the background over the connection and resolves to its Result, never rejects. */
export function requestOverPort<K extends BackgroundRequestType>(type: K, payload: RequestOf<K>): Promise<Result<ReplyOf<K>>> {
  const resend = () => sendToBackground(type, payload) as Promise<Result<unknown>>;
  let connection: Connection;
  try {
    connection = current ??= connect();
  } catch {
    return sendToBackground(type, payload);
  }
  const id = nextId++;
  return new Promise<Result<ReplyOf<K>>>((resolve) => {
    const w: Waiting = { resolve: resolve as (reply: Result<unknown>) => void, resend };
    connection.waiting.set(id, w);
    try {
      connection.port.postMessage({ id, message: { channel: 'marginalia', type, payload } } satisfies PortRequest);
    } catch {
      // Closed before its disconnect event came: this request, and any others waiting, go as messages.
      close(connection);
    }
  });
}
