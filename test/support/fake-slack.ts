/**
 * A fake Slack for end-to-end tests: the Web API (`POST /api/<method>`), response_url endpoints
 * (`POST /response/<id>`) and a Socket Mode WebSocket endpoint (`/socket-mode`), all on one
 * HTTP server bound to 127.0.0.1 on a random port.
 *
 * Point the app at it with `SLACK_API_URL=fake.apiUrl`. Socket Mode clients (Bolt's
 * SocketModeReceiver, @slack/socket-mode) call `apps.connections.open`, which answers with the
 * WebSocket URL of this same server.
 *
 * Teardown order matters for Socket Mode: stop the app (or `client.disconnect()`) *before*
 * `fake.close()`. If the fake goes away first, @slack/socket-mode schedules a reconnect timer of
 * its own that the fake cannot cancel.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface SlackCall {
  /** Web API method name (e.g. `chat.postMessage`), or `response_url` for response_url posts. */
  method: string;
  /** Parsed request arguments; JSON-looking form fields (`blocks`, `metadata`, `view`...) are parsed back. */
  args: Record<string, any>;
  /** Date.now() when the request arrived. */
  at: number;
  headers: Record<string, string | string[] | undefined>;
  /** True when the fake answered this call with HTTP 429 (see `rateLimit`). */
  rateLimited?: boolean;
  /** HTTP status the fake answered with. */
  status?: number;
  /** Body the fake answered with (for debugging assertions). */
  response?: unknown;
}

export type FakeReply = { status?: number; headers?: Record<string, string>; body: unknown } | Record<string, unknown>;

export type FakeHandler = (args: Record<string, any>, call: SlackCall) => FakeReply | undefined | Promise<FakeReply | undefined>;

export interface FakeSocketMode {
  /** Resolves once a client has connected and been sent {type:'hello'}. */
  waitForConnection(timeoutMs?: number): Promise<void>;
  readonly connected: boolean;
  /**
   * Sends an envelope to the most recently connected client and resolves with the client's ack message
   * ({ envelope_id, payload? }). type: 'slash_commands' | 'events_api' | 'interactive'.
   * Waits for a connection first (within the same timeout) if none is open yet.
   */
  send(
    type: string,
    payload: unknown,
    opts?: { retryAttempt?: number; retryReason?: string; timeoutMs?: number },
  ): Promise<{ envelope_id: string; payload?: unknown }>;
  readonly acks: Array<{ envelope_id: string; payload?: unknown }>;
  /** Every envelope sent so far (for debugging). */
  readonly envelopes: Array<Record<string, unknown>>;
  /** Asks connected clients to reconnect, like Slack does when it recycles a connection. */
  sendDisconnect(reason?: string): void;
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL, e.g. http://127.0.0.1:54321/api/ (with trailing slash). */
  readonly apiUrl: string;
  /** Origin of the server, e.g. http://127.0.0.1:54321 */
  readonly origin: string;
  /** A response_url the app can POST to; calls recorded with method `response_url` and args = parsed JSON body plus `_id`. */
  responseUrl(id?: string): string;
  readonly calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /**
   * Override the reply of one Web API method. The handler may return a FakeReply; an object without `body`
   * is sent as JSON with status 200 (with `ok` added when absent: `ok: false` if it has an `error`, else `ok: true`).
   * Return undefined to fall back to the default. A later `on` for the same method replaces the earlier one.
   */
  on(method: string, handler: FakeHandler): void;
  /** Reply with HTTP 429 and Retry-After: seconds for the next `times` (default 1) calls of method, then normal. */
  rateLimit(method: string, retryAfterSeconds: number, times?: number): void;
  /** Resolves with the first call matching (already recorded or future), rejects after timeoutMs (default 5000) with a message listing the methods seen. */
  waitFor(method: string, predicate?: (c: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  /** Messages "in" a channel: everything chat.postMessage put there (with ts, text, blocks, metadata, thread_ts), oldest first. Tests may also seed messages. */
  messages(channel: string): Array<Record<string, any>>;
  seedMessage(channel: string, message: Record<string, any>): void;
  /**
   * Users known to users.info: defaults to any user id with locale 'en-US', tz 'Europe/Paris', and no
   * Slack role (is_admin, is_owner, is_primary_owner false).
   */
  setUser(id: string, user: Partial<UserRecord>): void;
  /** Socket Mode side. */
  readonly socket: FakeSocketMode;
  /** Clears calls, overrides, rate limits, messages and socket acks/envelopes (not users). */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

interface Waiter {
  method: string;
  predicate: ((c: SlackCall) => boolean) | undefined;
  resolve: (c: SlackCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export interface UserRecord {
  locale: string;
  tz: string;
  name: string;
  is_bot: boolean;
  /** The workspace's Slack admins and owners (Terrain admins by their Slack role). */
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
}

/** True for `true`, `'true'`, `1`, `'1'`. Form-encoded booleans arrive as strings. */
function truthy(v: unknown): boolean {
  return v === true || v === 'true' || v === 1 || v === '1';
}

/** Compares two Slack timestamps ("1700000001.000100") numerically without float rounding. */
export function compareTs(a: string, b: string): number {
  const [ai = '0', af = ''] = String(a).split('.');
  const [bi = '0', bf = ''] = String(b).split('.');
  const di = Number(ai) - Number(bi);
  if (di !== 0) return di < 0 ? -1 : 1;
  const fa = af.padEnd(6, '0');
  const fb = bf.padEnd(6, '0');
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/** Offset from UTC in seconds of an IANA time zone right now (Slack's `tz_offset`). */
function tzOffsetSeconds(tz: string): number {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = part ? /GMT([+-])(\d{2}):(\d{2})/.exec(part) : null;
    if (!m) return 0;
    const secs = Number(m[2]) * 3600 + Number(m[3]) * 60;
    return m[1] === '-' ? -secs : secs;
  } catch {
    return 0;
  }
}

function parseMaybeJson(value: string): unknown {
  const t = value.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('application/json')) {
    if (raw.trim() === '') return {};
    try {
      const parsed = JSON.parse(raw) as unknown;
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, any>) : { _body: parsed };
    } catch {
      return { _raw: raw };
    }
  }
  // Default (and application/x-www-form-urlencoded): form fields, JSON-looking values parsed back.
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = parseMaybeJson(v);
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isFullReply(r: FakeReply): r is { status?: number; headers?: Record<string, string>; body: unknown } {
  return typeof r === 'object' && r !== null && 'body' in r;
}

/**
 * Marks a promise as handled (so a waitFor that times out or is cut short by close() without anybody
 * awaiting it does not surface as an unhandled rejection) and returns it unchanged for the caller.
 */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

function withoutToken(args: Record<string, any>): Record<string, any> {
  const { token: _token, ...rest } = args;
  return rest;
}

export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botUserId = opts.botUserId ?? 'UBOT';
  const botId = opts.botId ?? 'BBOT';
  const teamId = opts.teamId ?? 'T0001';

  const calls: SlackCall[] = [];
  const overrides = new Map<string, FakeHandler>();
  const rateLimits = new Map<string, { seconds: number; remaining: number }>();
  const channels = new Map<string, Array<Record<string, any>>>();
  const users = new Map<string, Partial<UserRecord>>();
  let waiters: Waiter[] = [];
  /** The last ts handed out, in microseconds: like Slack's, a message's ts is the time it was posted, unique. */
  let lastTsMicros = 0;
  let viewCounter = 0;
  let responseCounter = 0;
  let closed = false;

  const nextTs = (): string => {
    lastTsMicros = Math.max(lastTsMicros + 1, Date.now() * 1000);
    return `${Math.floor(lastTsMicros / 1_000_000)}.${String(lastTsMicros % 1_000_000).padStart(6, '0')}`;
  };
  const channelMessages = (channel: string): Array<Record<string, any>> => {
    let list = channels.get(channel);
    if (!list) {
      list = [];
      channels.set(channel, list);
    }
    return list;
  };
  const findMessage = (channel: string, ts: string): Record<string, any> | undefined => channels.get(channel)?.find((m) => m.ts === ts);

  const userRecord = (id: string): UserRecord => {
    const u = users.get(id) ?? {};
    return {
      locale: u.locale ?? 'en-US',
      tz: u.tz ?? 'Europe/Paris',
      name: u.name ?? `user_${id.toLowerCase()}`,
      is_bot: u.is_bot ?? id === botUserId,
      is_admin: u.is_admin ?? false,
      is_owner: u.is_owner ?? false,
      is_primary_owner: u.is_primary_owner ?? false,
    };
  };

  // ---------------------------------------------------------------- default Web API replies
  const defaults: Record<string, (args: Record<string, any>) => Record<string, unknown>> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://acme.slack.com/',
      team: 'Acme',
      user: 'terrain',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
    }),
    'chat.postMessage': (args) => {
      const channel = String(args.channel ?? '');
      const ts = nextTs();
      const message: Record<string, any> = {
        type: 'message',
        ...withoutToken(args),
        ts,
        user: botUserId,
        bot_id: botId,
      };
      delete message.channel;
      if (message.thread_ts !== undefined) message.thread_ts = String(message.thread_ts);
      const list = channelMessages(channel);
      list.push(message);
      if (message.thread_ts !== undefined && message.thread_ts !== ts) {
        const parent = list.find((m) => m.ts === message.thread_ts);
        if (parent) {
          parent.thread_ts = parent.ts;
          parent.reply_count = (Number(parent.reply_count) || 0) + 1;
          parent.latest_reply = ts;
        }
      }
      return { ok: true, channel, ts, message: { ...withoutToken(args), ts, user: botUserId, bot_id: botId } };
    },
    'chat.update': (args) => {
      const channel = String(args.channel ?? '');
      const ts = String(args.ts ?? '');
      const existing = findMessage(channel, ts);
      if (existing) {
        for (const key of ['text', 'blocks', 'attachments', 'metadata'] as const) {
          if (args[key] !== undefined) existing[key] = args[key];
        }
        existing.edited = { user: botUserId, ts: nextTs() };
      }
      return {
        ok: true,
        channel,
        ts,
        text: args.text ?? existing?.text ?? '',
        message: existing ? { ...existing } : { text: args.text, blocks: args.blocks },
      };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'chat.getPermalink': (args) => {
      const channel = String(args.channel ?? '');
      const ts = String(args.message_ts ?? '');
      return { ok: true, channel, permalink: `https://acme.slack.com/archives/${channel}/p${ts.replace('.', '')}` };
    },
    'chat.delete': (args) => {
      const channel = String(args.channel ?? '');
      const ts = String(args.ts ?? '');
      const list = channels.get(channel);
      if (list) {
        const i = list.findIndex((m) => m.ts === ts);
        if (i >= 0) list.splice(i, 1);
      }
      return { ok: true, channel, ts };
    },
    'users.info': (args) => {
      const id = String(args.user ?? '');
      const u = userRecord(id);
      const user: Record<string, unknown> = {
        id,
        team_id: teamId,
        name: u.name,
        real_name: u.name,
        tz: u.tz,
        tz_offset: tzOffsetSeconds(u.tz),
        is_bot: u.is_bot,
        is_admin: u.is_admin,
        is_owner: u.is_owner,
        is_primary_owner: u.is_primary_owner,
        deleted: false,
        profile: { display_name: u.name, real_name: u.name },
      };
      if (truthy(args.include_locale)) user.locale = u.locale;
      return { ok: true, user };
    },
    // A workspace without user groups of its own; tests give it some with `on('usergroups.list', …)`.
    'usergroups.list': () => ({ ok: true, usergroups: [] }),
    'usergroups.users.list': () => ({ ok: false, error: 'no_such_subteam' }),
    'views.open': (args) => viewReply(args),
    'views.push': (args) => viewReply(args),
    'views.publish': (args) => viewReply(args),
    'views.update': (args) => viewReply(args, typeof args.view_id === 'string' ? args.view_id : undefined),
    'conversations.join': (args) => ({ ok: true, channel: { id: args.channel } }),
    'conversations.info': (args) => ({
      ok: true,
      channel: { id: args.channel, name: 'terrain', is_channel: true, is_member: true },
    }),
    'conversations.history': (args) => {
      const includeMetadata = truthy(args.include_all_metadata);
      const inclusive = truthy(args.inclusive);
      const oldest = args.oldest !== undefined && args.oldest !== '' ? String(args.oldest) : undefined;
      const latest = args.latest !== undefined && args.latest !== '' ? String(args.latest) : undefined;
      const limitRaw = Number.parseInt(String(args.limit ?? ''), 10);
      const limit = Number.isFinite(limitRaw) && limitRaw > 0 ? limitRaw : 100;
      const all = (channels.get(String(args.channel ?? '')) ?? [])
        // Like Slack: thread replies are not in the channel history unless broadcast.
        .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || truthy(m.reply_broadcast))
        .filter((m) => {
          if (oldest !== undefined) {
            const c = compareTs(m.ts, oldest);
            if (c < 0 || (c === 0 && !inclusive)) return false;
          }
          if (latest !== undefined) {
            const c = compareTs(m.ts, latest);
            if (c > 0 || (c === 0 && !inclusive)) return false;
          }
          return true;
        })
        .sort((a, b) => compareTs(b.ts, a.ts));
      const page = all.slice(0, limit).map((m) => {
        const copy = { ...m };
        if (!includeMetadata) delete copy.metadata;
        return copy;
      });
      return { ok: true, messages: page, has_more: false, pin_count: 0 };
    },
    'conversations.replies': (args) => {
      const ts = String(args.ts ?? '');
      const list = channels.get(String(args.channel ?? '')) ?? [];
      const includeMetadata = truthy(args.include_all_metadata);
      const thread = list
        .filter((m) => m.ts === ts || m.thread_ts === ts)
        .sort((a, b) => compareTs(a.ts, b.ts))
        .map((m) => {
          const copy = { ...m };
          if (!includeMetadata) delete copy.metadata;
          return copy;
        });
      if (thread.length === 0) return { ok: false, error: 'thread_not_found' };
      return { ok: true, messages: thread, has_more: false };
    },
    'apps.connections.open': () => ({ ok: true, url: `ws://127.0.0.1:${port}/socket-mode` }),
  };

  function viewReply(args: Record<string, any>, id?: string): Record<string, unknown> {
    viewCounter += 1;
    const view = typeof args.view === 'object' && args.view !== null ? args.view : {};
    return {
      ok: true,
      view: { id: id ?? `V${viewCounter}`, hash: `hash-${viewCounter}`, team_id: teamId, ...view },
    };
  }

  // ---------------------------------------------------------------- recording / waiting
  const record = (call: SlackCall): void => {
    calls.push(call);
    const remaining: Waiter[] = [];
    for (const w of waiters) {
      let matches = false;
      if (w.method === call.method) {
        try {
          matches = w.predicate ? w.predicate(call) : true;
        } catch {
          matches = false;
        }
      }
      if (matches) {
        clearTimeout(w.timer);
        w.resolve(call);
      } else {
        remaining.push(w);
      }
    }
    waiters = remaining;
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const isText = typeof body === 'string';
    const payload = isText ? body : JSON.stringify(body);
    const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
    res.writeHead(status, {
      ...(hasType ? {} : { 'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' }),
      ...headers,
    });
    res.end(payload);
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const raw = await readBody(req);
    const args = parseBody(raw, req.headers['content-type']);
    const call: SlackCall = { method, args, at: Date.now(), headers: { ...(req.headers as IncomingHttpHeaders) } };

    const limit = rateLimits.get(method);
    if (limit && limit.remaining > 0) {
      limit.remaining -= 1;
      if (limit.remaining === 0) rateLimits.delete(method);
      const body = { ok: false, error: 'ratelimited' };
      call.rateLimited = true;
      call.status = 429;
      call.response = body;
      record(call);
      send(res, 429, body, { 'Retry-After': String(limit.seconds) });
      return;
    }

    let status = 200;
    let headers: Record<string, string> = {};
    let body: unknown;
    const override = overrides.get(method);
    const reply = override ? await override(args, call) : undefined;
    if (reply !== undefined) {
      if (isFullReply(reply)) {
        status = reply.status ?? 200;
        headers = reply.headers ?? {};
        body = reply.body;
      } else {
        body = 'ok' in reply ? reply : { ok: !('error' in reply), ...reply };
      }
    } else {
      const fn = defaults[method];
      body = fn ? fn(args) : { ok: false, error: 'unknown_method' };
    }
    call.status = status;
    call.response = body;
    record(call);
    send(res, status, body, headers);
  }

  async function handleResponseUrl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readBody(req);
    const ct = req.headers['content-type'];
    const args = ct?.toLowerCase().includes('x-www-form-urlencoded') ? parseBody(raw, ct) : parseBody(raw, 'application/json');
    const call: SlackCall = {
      method: 'response_url',
      args: { ...args, _id: id },
      at: Date.now(),
      headers: { ...req.headers },
      status: 200,
      response: 'ok',
    };
    record(call);
    send(res, 200, 'ok');
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const fail = (err: unknown): void => {
      if (!res.headersSent) send(res, 500, { ok: false, error: 'fake_slack_error', detail: String(err) });
      else res.end();
    };
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const method = decodeURIComponent(path.slice('/api/'.length));
      handleApi(req, res, method).catch(fail);
      return;
    }
    if (req.method === 'POST' && path.startsWith('/response/')) {
      const id = decodeURIComponent(path.slice('/response/'.length));
      handleResponseUrl(req, res, id).catch(fail);
      return;
    }
    if (req.method === 'GET' && path === '/health') {
      send(res, 200, 'ok');
      return;
    }
    send(res, 404, { ok: false, error: 'not_found', path });
  });
  // Keep-alive sockets from the app's fetch must not hold close() up.
  server.keepAliveTimeout = 1000;

  // ---------------------------------------------------------------- Socket Mode
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  let current: WebSocket | undefined;
  const acks: Array<{ envelope_id: string; payload?: unknown }> = [];
  const envelopes: Array<Record<string, unknown>> = [];
  const pendingAcks = new Map<
    string,
    { resolve: (a: { envelope_id: string; payload?: unknown }) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  let connectionWaiters: Array<{ resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }> = [];

  const openSocket = (): WebSocket | undefined => {
    if (current && current.readyState === current.OPEN) return current;
    for (const s of sockets) if (s.readyState === s.OPEN) return s;
    return undefined;
  };

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    current = ws;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (msg === null || typeof msg !== 'object') return;
      const m = msg as { envelope_id?: unknown; payload?: unknown };
      if (typeof m.envelope_id !== 'string') return;
      const ack: { envelope_id: string; payload?: unknown } = { envelope_id: m.envelope_id };
      if ('payload' in m) ack.payload = m.payload;
      acks.push(ack);
      const pending = pendingAcks.get(m.envelope_id);
      if (pending) {
        pendingAcks.delete(m.envelope_id);
        clearTimeout(pending.timer);
        pending.resolve(ack);
      }
    });
    ws.on('close', () => {
      sockets.delete(ws);
      if (current === ws) current = undefined;
    });
    ws.on('error', () => {
      /* the client going away abruptly is not an error for the fake */
    });
    // `ws` answers the client's pings with pongs by itself (autoPong).
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0001' },
      }),
      () => {
        const ready = connectionWaiters;
        connectionWaiters = [];
        for (const w of ready) {
          clearTimeout(w.timer);
          w.resolve();
        }
      },
    );
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (closed || path !== '/socket-mode') {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const socketMode: FakeSocketMode = {
    get connected() {
      return openSocket() !== undefined;
    },
    get acks() {
      return acks;
    },
    get envelopes() {
      return envelopes;
    },
    waitForConnection(timeoutMs = 5000) {
      if (openSocket()) return Promise.resolve();
      if (closed) return Promise.reject(new Error('fake Slack is closed'));
      return quiet(
        new Promise<void>((resolve, reject) => {
          const entry = {
            resolve,
            reject,
            timer: setTimeout(() => {
              connectionWaiters = connectionWaiters.filter((w) => w !== entry);
              const opened = calls.filter((c) => c.method === 'apps.connections.open').length;
              reject(
                new Error(
                  `fake Slack: no Socket Mode client connected within ${timeoutMs}ms (apps.connections.open called ${opened} time(s))`,
                ),
              );
            }, timeoutMs),
          };
          connectionWaiters.push(entry);
        }),
      );
    },
    async send(type, payload, sendOpts = {}) {
      const timeoutMs = sendOpts.timeoutMs ?? 5000;
      const started = Date.now();
      await socketMode.waitForConnection(timeoutMs);
      const ws = openSocket();
      if (!ws) throw new Error('fake Slack: no open Socket Mode connection');
      const envelope_id = randomUUID();
      const envelope = {
        envelope_id,
        payload,
        type,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: sendOpts.retryAttempt ?? 0,
        retry_reason: sendOpts.retryReason ?? '',
      };
      envelopes.push(envelope);
      const remaining = Math.max(1, timeoutMs - (Date.now() - started));
      return new Promise<{ envelope_id: string; payload?: unknown }>((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingAcks.delete(envelope_id);
          reject(new Error(`fake Slack: no ack for ${type} envelope ${envelope_id} within ${timeoutMs}ms`));
        }, remaining);
        pendingAcks.set(envelope_id, { resolve, reject, timer });
        ws.send(JSON.stringify(envelope), (err) => {
          if (err) {
            clearTimeout(timer);
            pendingAcks.delete(envelope_id);
            reject(err);
          }
        });
      });
    },
    sendDisconnect(reason = 'refresh_requested') {
      for (const s of sockets) {
        if (s.readyState === s.OPEN) {
          s.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
        }
      }
    },
  };

  // ---------------------------------------------------------------- listen
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  const fake: FakeSlack = {
    apiUrl: `${origin}/api/`,
    origin,
    socket: socketMode,
    get calls() {
      return calls;
    },
    responseUrl(id) {
      responseCounter += 1;
      return `${origin}/response/${encodeURIComponent(id ?? `r${responseCounter}`)}`;
    },
    callsTo(method) {
      return calls.filter((c) => c.method === method);
    },
    on(method, handler) {
      overrides.set(method, handler);
    },
    rateLimit(method, retryAfterSeconds, times = 1) {
      if (times <= 0) {
        rateLimits.delete(method);
        return;
      }
      rateLimits.set(method, { seconds: retryAfterSeconds, remaining: times });
    },
    waitFor(method, predicate, timeoutMs = 5000) {
      const found = calls.find((c) => {
        if (c.method !== method) return false;
        try {
          return predicate ? predicate(c) : true;
        } catch {
          return false;
        }
      });
      if (found) return Promise.resolve(found);
      if (closed) return Promise.reject(new Error(`fake Slack is closed (waiting for ${method})`));
      return quiet(
        new Promise<SlackCall>((resolve, reject) => {
          const waiter: Waiter = {
            method,
            predicate,
            resolve,
            reject,
            timer: setTimeout(() => {
              waiters = waiters.filter((w) => w !== waiter);
              const seen = calls.map((c) => c.method);
              const sameMethod = calls.filter((c) => c.method === method).length;
              reject(
                new Error(
                  `fake Slack: no ${method} call${predicate ? ' matching the predicate' : ''} within ${timeoutMs}ms ` +
                    `(${sameMethod} ${method} call(s) did not match). Methods seen: ${seen.length ? seen.join(', ') : '(none)'}`,
                ),
              );
            }, timeoutMs),
          };
          waiters.push(waiter);
        }),
      );
    },
    messages(channel) {
      return channels.get(channel) ?? [];
    },
    seedMessage(channel, message) {
      const m: Record<string, any> = { type: 'message', ...message };
      if (m.ts === undefined) m.ts = nextTs();
      m.ts = String(m.ts);
      const list = channelMessages(channel);
      list.push(m);
      list.sort((a, b) => compareTs(a.ts, b.ts));
    },
    setUser(id, user) {
      users.set(id, { ...users.get(id), ...user });
    },
    reset() {
      calls.length = 0;
      overrides.clear();
      rateLimits.clear();
      channels.clear();
      acks.length = 0;
      envelopes.length = 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      const err = new Error('fake Slack closed');
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(err);
      }
      waiters = [];
      for (const w of connectionWaiters) {
        clearTimeout(w.timer);
        w.reject(err);
      }
      connectionWaiters = [];
      for (const p of pendingAcks.values()) {
        clearTimeout(p.timer);
        p.reject(err);
      }
      pendingAcks.clear();
      // Close frames first ("going away"), so clients see a clean close rather than a socket error;
      // whatever has not completed the handshake shortly after is terminated.
      const open = [...sockets];
      await Promise.all(
        open.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.readyState === s.CLOSED) return resolve();
              const timer = setTimeout(() => {
                s.terminate();
                resolve();
              }, 100);
              s.once('close', () => {
                clearTimeout(timer);
                resolve();
              });
              try {
                s.close(1001, 'fake Slack closed');
              } catch {
                s.terminate();
              }
            }),
        ),
      );
      for (const s of sockets) s.terminate();
      sockets.clear();
      current = undefined;
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
