import WebSocket from 'ws';
import { DirectLine, type Activity } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable';
import 'rxjs/add/observable/throw';

/**
 * The official botframework-directlinejs client, run in Node: its browser `ajax` (XMLHttpRequest)
 * is replaced with one over fetch, and `ws` stands in for the browser WebSocket. Everything
 * else (polling, streamUrl, token refresh, retries) is the library's own code.
 */
interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeout?: number;
}

function fetchAjax(request: AjaxRequest): Observable<unknown> {
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const timer = request.timeout ? setTimeout(() => controller.abort(), request.timeout) : undefined;
    fetch(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    })
      .then(async (res) => {
        const text = await res.text();
        const response = text ? JSON.parse(text) : null;
        const xhr = { getResponseHeader: (name: string) => res.headers.get(name) };
        if (res.status >= 400) subscriber.error({ status: res.status, response, xhr });
        else {
          subscriber.next({ status: res.status, response, xhr });
          subscriber.complete();
        }
      })
      .catch((err: Error) => subscriber.error({ status: 0, message: err.message }))
      .finally(() => timer && clearTimeout(timer));
    return () => controller.abort();
  });
}

export interface NodeDirectLineOptions {
  domain: string;
  token?: string;
  secret?: string;
  conversationId?: string;
  webSocket: boolean;
  pollingInterval?: number;
}

export function createNodeDirectLine(options: NodeDirectLineOptions): DirectLine {
  // directlinejs decides whether it may use WebSockets from the global.
  if (options.webSocket) (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  return new DirectLine({ ...options, ajax: fetchAjax, WebSocket } as unknown as ConstructorParameters<typeof DirectLine>[0]);
}

/** The first activity the client sees that matches, within `ms`. */
export function nextActivity(directLine: DirectLine, match: (a: Activity) => boolean, ms = 15_000): Promise<Activity> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error('no matching activity arrived'));
    }, ms);
    const sub = directLine.activity$.subscribe((a) => {
      if (match(a)) {
        clearTimeout(timer);
        sub.unsubscribe();
        resolve(a);
      }
    });
  });
}

/** Posts a message and resolves with the id Direct Line gave it. */
export function say(directLine: DirectLine, text: string, userId = 'resident'): Promise<string> {
  return new Promise((resolve, reject) => {
    directLine.postActivity({ type: 'message', text, from: { id: userId } }).subscribe({ next: resolve, error: reject });
  });
}
