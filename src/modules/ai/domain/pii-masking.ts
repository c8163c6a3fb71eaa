import { maskCardNumbers } from './card-numbers';
import { maskEmails } from './email-addresses';
import { maskPhoneNumbers } from './phone-numbers';
import { maskStreetAddresses } from './street-addresses';

/**
 * Redacts personal data before anything about an AI call is stored: emails, card-like numbers,
 * phone numbers and street addresses become `[EMAIL]`, `[CARD]`, `[PHONE]`, `[ADDRESS]`.
 * Order matters: emails first (they may contain digits), then cards (the longest digit runs), then
 * phones, then addresses; no mask contains a digit or "@", so a later pass never re-reads a mask.
 * What each detector recognises, and what it deliberately does not, is written in its file.
 */
export type PiiKind = 'email' | 'card' | 'phone' | 'address';
export type PiiCounts = Record<PiiKind, number>;

const DETECTORS: readonly [PiiKind, (text: string) => { text: string; count: number }][] = [
  ['email', maskEmails],
  ['card', maskCardNumbers],
  ['phone', maskPhoneNumbers],
  ['address', maskStreetAddresses],
];

/** Nesting deeper than this is replaced by `[TRUNCATED]` (no JSON worth logging is that deep). */
export const MAX_DEPTH = 64;

export const noPii = (): PiiCounts => ({ email: 0, card: 0, phone: 0, address: 0 });

/** Masks one string; `counts` (if given) is incremented per kind found. */
export function maskPii(text: string, counts: PiiCounts = noPii()): string {
  let masked = text;
  for (const [kind, mask] of DETECTORS) {
    const result = mask(masked);
    masked = result.text;
    counts[kind] += result.count;
  }
  return masked;
}

/**
 * Masks every string in a JSON-like value (chat messages, tool arguments, tool results) and returns a
 * new value. Object keys are masked too (a map keyed by email is still personal data; keys that mask
 * to the same text get ` #2`, ` #3`…). A string holding JSON (OpenAI's `function.arguments`) is
 * parsed, masked and re-serialised, so "\u0040"-style escapes cannot hide an address. An integer
 * that masks (a card or phone number sent as a JSON number) becomes the masked string.
 */
export function maskPiiDeep(value: unknown, counts: PiiCounts = noPii()): unknown {
  return walk(value, counts, 0);
}

function walk(value: unknown, counts: PiiCounts, depth: number): unknown {
  if (depth > MAX_DEPTH) return '[TRUNCATED]';
  if (typeof value === 'string') return maskString(value, counts, depth);
  if (typeof value === 'number' && Number.isInteger(value)) {
    const masked = maskPii(String(value), counts);
    return masked === String(value) ? value : masked;
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, counts, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      let name = maskPii(key, counts);
      for (let n = 2; name in out; n++) name = `${maskPii(key)} #${n}`;
      out[name] = walk(child, counts, depth + 1);
    }
    return out;
  }
  return value;
}

function maskString(text: string, counts: PiiCounts, depth: number): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(walk(JSON.parse(trimmed), counts, depth + 1));
    } catch {
      // not JSON after all: mask it as text
    }
  }
  return maskPii(text, counts);
}
