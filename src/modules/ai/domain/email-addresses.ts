/**
 * Email addresses, found from each "@" outwards rather than by one big regex: a regex with a
 * repeated local-part class backtracks quadratically over long blobs (base64 is full of "+/="),
 * and AI payloads do carry such blobs. Local part: RFC 5322 atext plus dots (any letters or digits,
 * Unicode included), at most 64 characters. Domain: dot-separated labels of letters, digits and
 * hyphens, ending in a label of at least two letters. Obfuscated forms ("ada at example dot com")
 * are not recognised.
 */
export const EMAIL_MASK = '[EMAIL]';

const LOCAL_CHAR = /[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;

export function maskEmails(text: string): { text: string; count: number } {
  if (!text.includes('@')) return { text, count: 0 };
  let out = '';
  let copied = 0;
  let count = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < copied) continue;
    let start = at;
    while (start > copied && at - start < MAX_LOCAL && LOCAL_CHAR.test(text[start - 1])) start--;
    while (start < at && text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(text[end])) end++;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (start === at || !DOMAIN.test(text.slice(at + 1, end))) continue;
    out += text.slice(copied, start) + EMAIL_MASK;
    copied = end;
    count++;
  }
  return { text: out + text.slice(copied), count };
}
