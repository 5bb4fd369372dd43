import { SeededRandom } from '../../../intents/classifier/SeededRandom';

/**
 * One hostile input. Placeholders (@conv0, @token0, @stream0, @cookie, @csrf, @key, @sink) stand for a
 * real conversation, token, staff session or Open311 key, filled in when it is sent, so that
 * inputs also reach past the front doors. The same seed gives the same inputs.
 */
export type FuzzCase =
  | { kind: 'http'; family: string; method: string; path: string; headers: Record<string, string>; body?: string | Buffer }
  | {
      kind: 'ws';
      family: string;
      path: string;
      headers: Record<string, string>;
      frames: Array<{ opcode: number; payload: Buffer; fin?: boolean; mask?: boolean; lengthOverride?: number }>;
    };

const ACTIVITY_TYPES = [
  'message',
  'conversationUpdate',
  'event',
  'invoke',
  'typing',
  'endOfConversation',
  'messageReaction',
  'installationUpdate',
  'handoff',
  'trace',
  'delay',
  'command',
  'x'.repeat(300),
  '',
  'MESSAGE',
  'message\u0000',
];
const CHANNELS = ['test', 'directline', 'webchat', 'msteams', 'emulator', 'slack', '', '../../etc', 'x'.repeat(500)];
const TEXTS = [
  'hello',
  'report a missed bin',
  'talk to a person',
  'my postcode is AB1 2CD',
  'I want to hurt myself',
  'bin day for 1 High Street',
  'help',
  'cancel',
  'start over',
  'yes',
  'no',
  '🗑️🗑️',
  '\u202e\u200b',
  'a'.repeat(5000),
  '<script>alert(1)</script>',
  '{{constructor}}',
  '%s%s%n',
  '\ud800',
  '../../..',
  "'; DROP TABLE x; --",
];

export class HostileInputs {
  private readonly rng: SeededRandom;

  constructor(seed: number) {
    this.rng = new SeededRandom(seed);
  }

  /** JSON text put into a body as it is (nesting too deep for JSON.stringify itself). */
  private readonly raws: string[] = [];

  private raw(text: string): unknown {
    const key = this.raws.push(text) - 1;
    return { toJSON: () => `\u0000raw${key}\u0000` };
  }

  private int(n: number): number {
    return this.rng.nextInt(n);
  }

  private chance(p: number): boolean {
    return this.rng.next() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  private conv(): string {
    return String(this.int(3));
  }

  /** A value of a wrong or extreme kind. */
  hostileValue(depthBudget = 3): unknown {
    switch (this.int(16)) {
      case 0:
        return null;
      case 1:
        return this.pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1]);
      case 2:
        return this.pick([true, false]);
      case 3:
        return this.pick(TEXTS);
      case 4:
        return 'x'.repeat(this.pick([1, 255, 4096, 70_000]));
      case 5:
        return this.raw(nested(this.pick([10, 63, 65, 200, 20_000]), this.chance(0.5) ? '[' : '{'));
      case 6:
        return [];
      case 7:
        return {};
      case 8:
        return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
      case 9:
        return Array.from({ length: this.pick([1, 100, 5000]) }, (_, i) => i);
      case 10:
        return { id: this.hostileValue(depthBudget - 1), name: this.hostileValue(depthBudget - 1) };
      case 11:
        return this.pick(['2026-13-45T99:99:99Z', 'not a date', '0000-00-00', '1970-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z']);
      case 12:
        return this.pick(['http://127.0.0.1:9/', 'http://127.0.0.1:1', 'javascript:alert(1)', 'file:///etc/passwd', '//[', 'http://[::1', '']);
      case 13:
        return depthBudget > 0 ? Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`k${i}`, this.hostileValue(depthBudget - 1)])) : 'leaf';
      case 14:
        return String.fromCharCode(...Array.from({ length: 40 }, () => this.int(0x10000)));
      default:
        return { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'x', value: this.hostileValue(depthBudget - 1) }] };
    }
  }

  /** A Bot Framework activity, one or more of its fields made hostile. Replies come back in the body (expectReplies) or go to the fuzzer's own loopback channel (@sink). */
  private activity(): Record<string, unknown> {
    const a: Record<string, unknown> = {
      type: this.chance(0.6) ? 'message' : this.pick(ACTIVITY_TYPES),
      id: `fz-${this.int(1e9)}`,
      text: this.pick(TEXTS),
      channelId: this.chance(0.7) ? 'test' : this.pick(CHANNELS),
      serviceUrl: '@sink',
      conversation: { id: `fuzz-${this.int(50)}` },
      from: { id: `resident-${this.int(20)}`, name: 'Resident' },
      recipient: { id: 'bot', name: 'Council Assistant' },
      locale: this.pick(['en-GB', 'cy-GB', 'xx', '']),
      deliveryMode: this.chance(0.85) ? 'expectReplies' : 'normal',
    };
    const fields = [
      'type',
      'id',
      'text',
      'channelId',
      'serviceUrl',
      'conversation',
      'from',
      'recipient',
      'locale',
      'value',
      'name',
      'membersAdded',
      'membersRemoved',
      'attachments',
      'entities',
      'channelData',
      'replyToId',
      'timestamp',
      'localTimestamp',
      'action',
      'suggestedActions',
      'relatesTo',
      'valueType',
      'semanticAction',
      'conversation.id',
      'from.id',
      'channelData.tenant',
    ];
    for (let i = 0, n = 1 + this.int(3); i < n; i++) {
      const field = this.pick(fields);
      const value = this.hostileValue();
      if (field.includes('.')) {
        const [outer, inner] = field.split('.') as [string, string];
        a[outer] = { ...(typeof a[outer] === 'object' && a[outer] ? a[outer] : {}), [inner]: value };
      } else a[field] = value;
    }
    if (a.type === 'conversationUpdate' && this.chance(0.5)) a.membersAdded = [{ id: 'resident-1' }, { id: 'bot' }];
    if (a.type === 'invoke' && this.chance(0.5)) a.name = this.pick(['adaptiveCard/action', 'task/fetch', 'signin/verifyState', 'composeExtension/query']);
    if (a.type === 'event' && this.chance(0.5)) a.name = this.pick(['webchat/join', 'handoff.status', 'startConversation', '__proto__']);
    return a;
  }

  /** A body as bytes: usually JSON of `value`, sometimes broken JSON. */
  private jsonBody(value: unknown): Buffer {
    const text = (JSON.stringify(value) ?? 'null').replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, key: string) => this.raws[Number(key)] ?? 'null');
    switch (this.int(12)) {
      case 0:
        return Buffer.from(text.slice(0, Math.max(1, this.int(text.length))));
      case 1:
        return Buffer.from(`${text}}}garbage`);
      case 2:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      case 3:
        return Buffer.from(text.replace(/"/, '\\x'));
      case 4:
        return Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]);
      default:
        return Buffer.from(text);
    }
  }

  /** Headers for a body: mostly JSON, sometimes the wrong type or framing. */
  private bodyHeaders(form = false): Record<string, string> {
    switch (this.int(14)) {
      case 0:
        return { 'Content-Type': 'multipart/form-data; boundary=fz' };
      case 1:
        return { 'Content-Type': 'text/plain' };
      case 2:
        return {};
      case 3:
        return { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
      case 4:
        return { 'Content-Type': 'application/octet-stream' };
      case 5:
        return { 'Content-Type': 'application/json; charset=latin1' };
      case 6:
        return { 'Content-Type': 'application/json', 'Content-Length': '99999999' };
      case 7:
        return { 'Content-Type': 'application/vnd.api+json' };
      case 8:
        return { 'Content-Type': 'application/x-www-form-urlencoded' };
      default:
        return { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' };
    }
  }

  private multipart(): { headers: Record<string, string>; body: Buffer } {
    const size = this.pick([10, 64 * 1024, 300 * 1024]);
    const body = Buffer.concat([
      Buffer.from('--fz\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n'),
      Buffer.alloc(size, 0x41),
      Buffer.from('\r\n--fz--\r\n'),
    ]);
    return { headers: { 'Content-Type': 'multipart/form-data; boundary=fz' }, body };
  }

  private messages(): FuzzCase {
    if (this.chance(0.08)) return { kind: 'http', family: 'messages', method: 'POST', path: '/api/messages', ...this.multipart() };
    const body = this.chance(0.9) ? this.jsonBody(this.activity()) : this.jsonBody(this.hostileValue());
    const headers = this.chance(0.8) ? { 'Content-Type': 'application/json' } : this.bodyHeaders();
    if (this.chance(0.1))
      Object.assign(headers, { Authorization: this.pick(['Bearer x', 'Bearer eyJhbGciOiJub25lIn0.e30.', 'Basic Zm9vOmJhcg==', 'Bearer '.padEnd(9000, 'A')]) });
    return {
      kind: 'http',
      family: 'messages',
      method: this.chance(0.95) ? 'POST' : this.pick(['GET', 'PUT', 'DELETE', 'OPTIONS']),
      path: '/api/messages',
      headers,
      body,
    };
  }

  private bearer(): Record<string, string> {
    switch (this.int(6)) {
      case 0:
        return {};
      case 1:
        return {
          Authorization: this.pick(['Bearer', 'Bearer not.a.token', 'Bearer @stream0', 'bearer @token1', 'Token @token0', `Bearer ${'A'.repeat(5000)}`]),
        };
      default:
        return { Authorization: `Bearer @token${this.conv()}` };
    }
  }

  private directLine(): FuzzCase {
    const c = this.conv();
    const convId = this.chance(0.8) ? `@conv${c}` : this.pick(['nope', '..%2F..', 'x'.repeat(65), '%00', '@conv' + ((Number(c) + 1) % 3)]);
    const base = '/v3/directline';
    const route = this.int(10);
    if (route === 0)
      return {
        kind: 'http',
        family: 'directline',
        method: 'POST',
        path: `${base}/tokens/generate`,
        headers: { ...this.bearer(), ...this.bodyHeaders() },
        body: this.jsonBody({ user: { id: this.hostileValue() } }),
      };
    if (route === 1) return { kind: 'http', family: 'directline', method: 'POST', path: `${base}/tokens/refresh`, headers: this.bearer() };
    if (route === 2)
      return {
        kind: 'http',
        family: 'directline',
        method: 'POST',
        path: `${base}/conversations`,
        headers: { ...this.bearer(), ...this.bodyHeaders() },
        body: this.jsonBody(this.hostileValue()),
      };
    if (route === 3)
      return {
        kind: 'http',
        family: 'directline',
        method: 'GET',
        path: `${base}/conversations/${convId}?watermark=${percentEncode(String(this.hostileValue(0)).slice(0, 40))}`,
        headers: this.bearer(),
      };
    if (route === 4)
      return {
        kind: 'http',
        family: 'directline',
        method: 'GET',
        path: `${base}/conversations/${convId}/activities?watermark=${this.pick(['0', '-1', '1e3', '999999999999999', 'abc', ''])}`,
        headers: this.bearer(),
      };
    if (route === 5) {
      const upload = this.chance(0.5) ? this.multipart() : { headers: {}, body: undefined };
      return {
        kind: 'http',
        family: 'directline',
        method: 'POST',
        path: `${base}/conversations/${convId}/upload`,
        headers: { ...this.bearer(), ...upload.headers },
        body: upload.body,
      };
    }
    if (route === 6)
      return {
        kind: 'http',
        family: 'directline',
        method: 'POST',
        path: `/connector/${this.pick(['x', 'A'.repeat(43), ''])}/v3/conversations/${convId}/activities`,
        headers: this.bodyHeaders(),
        body: this.jsonBody(this.activity()),
      };
    if (route === 7)
      return {
        kind: 'http',
        family: 'directline',
        method: 'POST',
        path: '/api/directline/token',
        headers: this.bodyHeaders(),
        body: this.jsonBody(this.hostileValue()),
      };
    const activity = this.chance(0.7)
      ? {
          type: this.pick(['message', 'event', 'typing', 'invoke']),
          text: this.pick(TEXTS),
          from: { id: 'u' },
          value: this.chance(0.3) ? this.hostileValue() : undefined,
          name: this.chance(0.2) ? this.hostileValue() : undefined,
        }
      : this.hostileValue();
    if (this.chance(0.05)) {
      const upload = this.multipart();
      return {
        kind: 'http',
        family: 'directline',
        method: 'POST',
        path: `${base}/conversations/${convId}/activities`,
        headers: { ...this.bearer(), ...upload.headers },
        body: upload.body,
      };
    }
    return {
      kind: 'http',
      family: 'directline',
      method: 'POST',
      path: `${base}/conversations/${convId}/activities`,
      headers: { ...this.bearer(), ...(this.chance(0.85) ? { 'Content-Type': 'application/json' } : this.bodyHeaders()) },
      body: this.jsonBody(activity),
    };
  }

  private websocket(): FuzzCase {
    const c = this.conv();
    const path = this.pick([
      `/v3/directline/conversations/@conv${c}/stream?t=@stream${c}`,
      `/v3/directline/conversations/@conv${c}/stream?t=@stream${(Number(c) + 1) % 3}&watermark=${this.pick(['0', '-5', 'x', '99999999999999'])}`,
      `/v3/directline/conversations/@conv${c}/stream`,
      `/v3/directline/conversations/@conv${c}/stream?t=${this.pick(['', 'x', 'a.b.c', '%E0%A4%A'])}`,
      '/v3/directline/conversations/nope/stream?t=x',
      '/agent/api/ws',
      '/agent/api/ws?x=%',
      '//[',
      '/%',
      '/..%2f..%2f',
      `/${'a'.repeat(8000)}`,
      '/api/messages',
      '*',
      'http://evil.example/agent/api/ws',
    ]);
    const headers: Record<string, string> = {
      Connection: 'Upgrade',
      Upgrade: this.chance(0.9) ? 'websocket' : this.pick(['h2c', 'WebSocket', 'websocket, foo']),
      'Sec-WebSocket-Version': this.chance(0.9) ? '13' : this.pick(['8', 'x', '']),
    };
    if (this.chance(0.9)) headers['Sec-WebSocket-Key'] = this.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'short', '']);
    if (this.chance(0.5)) headers.Origin = this.pick(['null', 'http://evil.example', 'not a url', `http://127.0.0.1:@port`, 'http://[::1', '']);
    if (this.chance(0.6))
      headers.Cookie = this.pick([
        '@cookie',
        'ca_staff=%E0%A4%A',
        'ca_staff=',
        'ca_staff=x; ca_staff=@cookie',
        '=;=;;',
        `ca_staff=${'%'.repeat(100)}`,
        '@cookie; ca_signin=%',
      ]);
    // A quarter are let in (a real stream token, or the staff session from this origin), so the frames reach the handlers.
    if (this.chance(0.25)) {
      const agent = this.chance(0.5);
      Object.assign(headers, { Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' });
      delete headers.Origin;
      delete headers.Cookie;
      if (agent) Object.assign(headers, { Cookie: '@cookie', Origin: 'http://127.0.0.1:@port' });
      return {
        kind: 'ws',
        family: 'websocket',
        path: agent ? '/agent/api/ws' : `/v3/directline/conversations/@conv${c}/stream?t=@stream${c}`,
        headers,
        frames: this.frames(),
      };
    }
    return { kind: 'ws', family: 'websocket', path, headers, frames: this.frames() };
  }

  private frames(): Extract<FuzzCase, { kind: 'ws' }>['frames'] {
    const frames: Extract<FuzzCase, { kind: 'ws' }>['frames'] = [];
    for (let i = 0, n = this.int(5); i < n; i++) {
      const payload = this.pick([
        Buffer.from(JSON.stringify({ type: 'send', handoffId: this.pick(['x', '', 'h1']), text: this.pick(TEXTS), ref: 1 })),
        this.jsonBody(this.hostileValue()),
        Buffer.from('not json'),
        Buffer.from([0xff, 0xfe, 0xfd]),
        Buffer.alloc(70 * 1024, 0x61),
      ]);
      const opcode = this.chance(0.7) ? 1 : this.pick([0, 2, 3, 8, 9, 10, 15]);
      frames.push({ opcode, payload, fin: this.chance(0.9), mask: this.chance(0.9), lengthOverride: this.chance(0.05) ? 2 ** 40 : undefined });
    }
    if (this.chance(0.2)) frames.push({ opcode: 8, payload: this.pick([Buffer.from([0x03, 0xe8]), Buffer.from([0x00, 0x01]), Buffer.from([0x03])]) });
    return frames;
  }

  private agent(): FuzzCase {
    const id = this.pick(['x', '', '%00', '..', 'a'.repeat(300), '1', '@conv0']);
    const routes: Array<[string, string]> = [
      ['GET', '/agent/api/me'],
      ['GET', '/agent/api/queue'],
      ['GET', '/agent/api/canned'],
      ['GET', `/agent/api/conversations/${id}`],
      ['POST', `/agent/api/conversations/${id}/accept`],
      ['POST', `/agent/api/conversations/${id}/messages`],
      ['POST', `/agent/api/conversations/${id}/transfer`],
      ['POST', `/agent/api/conversations/${id}/end`],
      ['POST', '/agent/api/cases'],
      ['POST', `/agent/api/callbacks/${id}/done`],
      ['GET', '/agent/api/anything'],
      ['GET', '/agent'],
      ['GET', `/agent/${this.pick(['console.js', 'sign-in.js', 'nope.js', '..%2Fpackage.json', '%'])}`],
      ['GET', '/agent/sign-in'],
      ['POST', '/agent/sign-in'],
    ];
    const [method, path] = this.pick(routes);
    const headers: Record<string, string> = {};
    if (this.chance(0.8))
      headers.Cookie = this.pick(['@cookie', '@cookie', '@cookie', 'ca_staff=%E0%A4%A', 'ca_staff=forged', 'ca_signin=%; ca_staff=@cookie']);
    if (this.chance(0.8)) headers['X-CSRF-Token'] = this.pick(['@csrf', '@csrf', 'wrong', '']);
    if (method === 'GET') return { kind: 'http', family: 'agent', method, path, headers };
    if (path === '/agent/sign-in') {
      const form = new URLSearchParams({
        username: this.pick(['someone', 'kim', 'a'.repeat(300), '']),
        password: String(this.hostileValue(0)).slice(0, 2000),
        csrf: this.pick(['', 'x']),
      });
      return {
        kind: 'http',
        family: 'agent',
        method,
        path,
        headers: { ...headers, ...this.bodyHeaders(true) },
        body: this.chance(0.8) ? form.toString() : this.jsonBody(this.hostileValue()),
      };
    }
    if (this.chance(0.05))
      return { kind: 'http', family: 'agent', method, path, headers: { ...headers, ...this.multipart().headers }, body: this.multipart().body };
    const body = this.pick([
      { text: this.hostileValue() },
      { handoffId: this.hostileValue(), fields: { summary: this.hostileValue(), ...(this.chance(0.5) ? { x: this.hostileValue() } : {}) } },
      this.hostileValue(),
    ]);
    return {
      kind: 'http',
      family: 'agent',
      method,
      path,
      headers: { ...headers, ...(this.chance(0.85) ? { 'Content-Type': 'application/json' } : this.bodyHeaders()) },
      body: this.jsonBody(body),
    };
  }

  private open311Params(): URLSearchParams {
    const p = new URLSearchParams();
    const keys = [
      'service_code',
      'status',
      'start_date',
      'end_date',
      'service_request_id',
      'jurisdiction_id',
      'api_key',
      'lat',
      'long',
      'address_string',
      'address_id',
      'email',
      'first_name',
      'last_name',
      'phone',
      'description',
      'media_url',
      'updated_datetime',
      'external_status_code',
      'attribute[bin_type]',
      'attribute[x][y][z][w][v][u]',
      'status[]',
      'service_code[0]',
      '__proto__[polluted]',
      'account_id',
      'device_id',
    ];
    for (let i = 0, n = 1 + this.int(6); i < n; i++) {
      const key = this.pick(keys);
      const value = this.pick([
        String(this.hostileValue(0)).slice(0, 5000),
        'missed_bin',
        'fly_tipping',
        'open,closed,',
        '2026-11-01T00:00:00Z',
        '1900-01-01',
        '51.5',
        '-999',
        'NaN',
        '@key',
        'anytown.example',
        'CLOSED',
        Array.from({ length: 2000 }, (_, i) => `id${i}`).join(','),
      ]);
      p.append(key, value);
    }
    if (this.chance(0.4)) p.set('api_key', '@key');
    return p;
  }

  private open311(): FuzzCase {
    const base = '/open311/v2';
    const route = this.int(7);
    if (route === 0) return { kind: 'http', family: 'open311', method: 'GET', path: `${base}/services.json?${this.open311Params().toString()}`, headers: {} };
    if (route === 1)
      return {
        kind: 'http',
        family: 'open311',
        method: 'GET',
        path: `${base}/services/${this.pick(['missed_bin.json', 'nope.json', 'missed_bin.xml', '%2e%2e.json', '.json', `${'a'.repeat(3000)}.json`])}`,
        headers: {},
      };
    if (route === 2) return { kind: 'http', family: 'open311', method: 'GET', path: `${base}/requests.json?${this.open311Params().toString()}`, headers: {} };
    if (route === 3)
      return {
        kind: 'http',
        family: 'open311',
        method: 'GET',
        path: `${base}/requests/${this.pick(['1.json', 'x.json', 'x', "1' OR 1=1.json"])}`,
        headers: {},
      };
    if (route === 4)
      return { kind: 'http', family: 'open311', method: 'GET', path: `${base}/servicerequestupdates.json?${this.open311Params().toString()}`, headers: {} };
    const path = route === 5 ? `${base}/requests.json` : `${base}/servicerequestupdates.json`;
    if (this.chance(0.1)) return { kind: 'http', family: 'open311', method: 'POST', path, ...this.multipart() };
    const params = this.open311Params();
    if (this.chance(0.5)) return { kind: 'http', family: 'open311', method: 'POST', path, headers: this.bodyHeaders(true), body: params.toString() };
    const json: Record<string, unknown> = Object.fromEntries(params);
    if (this.chance(0.5)) json[this.pick(['service_code', 'lat', 'attribute', 'description', 'api_key', 'status'])] = this.hostileValue();
    return { kind: 'http', family: 'open311', method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: this.jsonBody(json) };
  }

  private misc(): FuzzCase {
    const path = this.pick([
      '/',
      '/?embed=1',
      '/?embed[]=1',
      '/healthz',
      '/readyz',
      '/accessibility',
      '/embed.js',
      '/council-theme.json',
      '/assets/chat.css',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%',
      '/%E0%A4%A',
      '/\u00ff',
      `/${'x'.repeat(20_000)}`,
      '/?a[b][c][d][e][f][g]=1',
      `/?${'a=1&'.repeat(3000)}`,
      '//',
      '/./..',
    ]);
    const method = this.pick(['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'BREW']);
    const headers: Record<string, string> = this.chance(0.2)
      ? { 'X-Forwarded-Proto': this.pick(['https', 'http', 'gopher', '']), 'X-Forwarded-For': this.pick(['1.2.3.4', 'x, y, z', '']) }
      : {};
    if (this.chance(0.1)) headers['Accept-Encoding'] = 'gzip';
    if (this.chance(0.1)) headers['X-Big'] = 'a'.repeat(20_000);
    return {
      kind: 'http',
      family: 'misc',
      method,
      path,
      headers,
      ...(method !== 'GET' && method !== 'HEAD' && this.chance(0.5) ? { body: this.jsonBody(this.hostileValue()) } : {}),
    };
  }

  next(): FuzzCase {
    const r = this.rng.next();
    if (r < 0.3) return this.messages();
    if (r < 0.52) return this.directLine();
    if (r < 0.67) return this.websocket();
    if (r < 0.8) return this.agent();
    if (r < 0.93) return this.open311();
    return this.misc();
  }
}

/** JSON text nested `depth` deep in lists or objects. */
function nested(depth: number, open: '[' | '{'): string {
  return open === '[' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** encodeURIComponent, except that a lone surrogate goes as the bytes it would be (a malformed escape is part of the test). */
function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'latin1')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}
