import net from 'node:net';

/** What came back for one raw request: status 0 when the server closed without answering. */
export interface RawResponse {
  status: number;
  /** The response head and the first part of its body, for checks on what it says. */
  text: string;
  ms: number;
  timedOut: boolean;
}

/** Keeps this much of each response (the Web Chat bundle is megabytes). */
const KEEP_BYTES = 64 * 1024;

/**
 * Sends bytes exactly as given to 127.0.0.1:port (so malformed paths and headers reach the
 * server as a hostile client would send them) and reads the answer until the server closes or
 * `timeoutMs` passes. After a 101 it writes `frames` and waits `afterUpgradeMs` before closing.
 */
export function rawExchange(port: number, request: Buffer, options: { timeoutMs: number; frames?: Buffer[]; afterUpgradeMs?: number }): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let settled = false;
    let upgraded = false;
    const socket = net.connect({ port, host: '127.0.0.1' });
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text, ms: performance.now() - started, timedOut });
    };
    const timer = setTimeout(() => finish(true), options.timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      if (kept < KEEP_BYTES) {
        chunks.push(chunk);
        kept += chunk.length;
      }
      if (!upgraded && options.frames && /^HTTP\/1\.1 101 /.test(Buffer.concat(chunks).toString('latin1')) && Buffer.concat(chunks).includes('\r\n\r\n')) {
        upgraded = true;
        for (const frame of options.frames) if (!socket.destroyed) socket.write(frame);
        setTimeout(() => finish(false), options.afterUpgradeMs ?? 100);
      }
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

/** An HTTP/1.1 request as bytes: `Connection: close`, and a Content-Length unless the headers already decide the framing. */
export function requestBytes(method: string, path: string, port: number, headers: Record<string, string>, body?: Buffer): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`];
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  if (!names.includes('connection')) lines.push('Connection: close');
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body && !names.includes('content-length') && !names.includes('transfer-encoding')) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body ?? Buffer.alloc(0)]);
}

/** A client WebSocket frame (masked, as clients must), with whatever opcode and payload. */
export function wsFrame(opcode: number, payload: Buffer, options: { fin?: boolean; mask?: boolean; lengthOverride?: number } = {}): Buffer {
  const fin = options.fin === false ? 0 : 0x80;
  const mask = options.mask === false ? 0 : 0x80;
  const length = options.lengthOverride ?? payload.length;
  let head: Buffer;
  if (length < 126) head = Buffer.from([fin | opcode, mask | length]);
  else if (length < 65536) {
    head = Buffer.alloc(4);
    head[0] = fin | opcode;
    head[1] = mask | 126;
    head.writeUInt16BE(length, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = fin | opcode;
    head[1] = mask | 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!mask) return Buffer.concat([head, payload]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]));
  return Buffer.concat([head, key, body]);
}
