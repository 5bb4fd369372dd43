/** Where the deployed CLU project is (CLU_ENDPOINT, CLU_KEY, CLU_PROJECT_NAME, CLU_DEPLOYMENT_NAME, CLU_TIMEOUT_MS). */
export interface CluSettings {
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  /** After this long the offline recognizer answers instead. */
  timeoutMs: number;
}

/** http:// to localhost, 127.0.0.0/8 or ::1 (a local fake or proxy): the only plain-http endpoint accepted. */
export function isLoopbackHttp(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && (url.hostname === 'localhost' || /^127\./.test(url.hostname) || url.hostname === '[::1]');
  } catch {
    return false;
  }
}
