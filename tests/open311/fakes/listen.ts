import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts a fake back office's server on a free local port: its GeoReport base URL, and a close that
 * cancels its pending (slow or late) answers, drops open connections and stops it.
 */
export async function listenOnFreePort(server: http.Server, timers: Set<NodeJS.Timeout>): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
