// The popup's requests over one connection (src/messaging/port-client.ts), through WXT's fake
// browser: replies matched by id, and requests resent as runtime messages when the connection goes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PortRequest } from '@/src/messaging/protocol';

/** A connection as the page sees one: what it sent, and the background's side to answer or close. */
function fakePort() {
  const messages: ((m: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const sent: PortRequest[] = [];
  let open = true;
  return {
    sent,
    port: {
      name: 'marginalia:requests',
      postMessage(m: PortRequest) {
        if (!open) throw new Error('Attempting to use a disconnected port object');
        sent.push(JSON.parse(JSON.stringify(m)) as PortRequest);
      },
      disconnect: () => void (open = false),
      onMessage: { addListener: (l: (m: unknown) => void) => void messages.push(l) },
      onDisconnect: { addListener: (l: () => void) => void disconnects.push(l) },
    },
    reply: (m: unknown) => messages.forEach((l) => l(m)),
    drop() {
      open = false;
      disconnects.forEach((l) => l());
    },
    closeQuietly: () => void (open = false),
  };
}

let ports: ReturnType<typeof fakePort>[];
let sendMessage: ReturnType<typeof vi.fn>;
let requestOverPort: typeof import('@/src/messaging/port-client').requestOverPort;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // A fresh module each time: its connection is module state.
  vi.resetModules();
  ports = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => {
    const p = fakePort();
    ports.push(p);
    return p.port;
  }) as never);
  sendMessage = vi.fn().mockResolvedValue({ ok: true, value: { hits: [], more: false, notices: ['by message'] } });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sendMessage as never);
  ({ requestOverPort } = await import('@/src/messaging/port-client'));
});

const results = (note: string) => ({ ok: true, value: { hits: [], more: false, notices: [note] } });

describe('requestOverPort', () => {
  it('sends every request over one connection and matches each reply to its request by id', async () => {
    const first = requestOverPort('search.query', { query: 'may', limit: 5 });
    const second = requestOverPort('search.query', { query: 'mayor', limit: 5 });
    expect(ports).toHaveLength(1);
    const [a, b] = ports[0]!.sent;
    expect(a).toEqual({ id: expect.any(Number), message: { channel: 'marginalia', type: 'search.query', payload: { query: 'may', limit: 5 } } });
    ports[0]!.reply({ id: b!.id, reply: results('second') });
    ports[0]!.reply({ id: 12345, reply: results('nobody asked') });
    ports[0]!.reply({ id: a!.id, reply: results('first') });
    expect(await first).toEqual(results('first'));
    expect(await second).toEqual(results('second'));
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('turns a reply that is not a Result into a failure', async () => {
    const pending = requestOverPort('search.query', { query: 'x' });
    ports[0]!.reply({ id: ports[0]!.sent[0]!.id, reply: '<b>not a result</b>' });
    expect(await pending).toEqual({ ok: false, error: 'No reply from the background.' });
  });

  it('resends what is waiting as runtime messages when the connection closes, and connects afresh next time', async () => {
    const pending = requestOverPort('search.query', { query: 'council' });
    ports[0]!.drop();
    expect(await pending).toEqual(results('by message'));
    expect(sendMessage).toHaveBeenCalledWith({ channel: 'marginalia', type: 'search.query', payload: { query: 'council' } });
    const next = requestOverPort('search.query', { query: 'budget' });
    expect(ports).toHaveLength(2);
    ports[1]!.reply({ id: ports[1]!.sent[0]!.id, reply: results('new connection') });
    expect(await next).toEqual(results('new connection'));
  });

  it('sends a request as a runtime message when the connection closed before saying so', async () => {
    requestOverPort('search.query', { query: 'a' });
    ports[0]!.closeQuietly();
    expect(await requestOverPort('search.query', { query: 'b' })).toEqual(results('by message'));
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });
});
