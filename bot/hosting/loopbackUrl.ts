/**
 * An http(s) URL on this machine: localhost, 127.0.0.0/8 or ::1 (the WHATWG URL parser has
 * already turned spellings such as 127.1 or 0x7f.0.0.1 into 127.0.0.1).
 */
export function isLoopbackUrl(value: string | undefined): boolean {
  if (!value) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}
