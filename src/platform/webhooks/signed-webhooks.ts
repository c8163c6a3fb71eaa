import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a webhook was refused; the message is safe to show to the sender. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

/**
 * Signs a webhook body the way Stripe does: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * The scheme any module uses for the webhooks it sends or receives; see https://docs.stripe.com/webhooks#verify-manually.
 */
export function signWebhook(body: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, `${timestamp}.${body}`)}`;
}

/**
 * Verifies a `t=…,v1=…` header over the raw body: the HMAC must match and the timestamp must be
 * within `toleranceSeconds` of `now` in either direction (an old replay or a clock far ahead).
 */
export function verifyWebhookSignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
  toleranceSeconds: number,
  nowSeconds: number,
): void {
  if (!header) throw new WebhookVerificationError('The signature header is missing.');
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (!Number.isInteger(timestamp) || signatures.length === 0) {
    throw new WebhookVerificationError('The signature header is malformed.');
  }
  const expected = Buffer.from(hmac(secret, `${timestamp}.${rawBody.toString('utf8')}`), 'hex');
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('The signature does not match the body.');
  assertFresh(timestamp, toleranceSeconds, nowSeconds);
}

/** Rejects a signed timestamp too old (a replay) or too far in the future. */
export function assertFresh(timestamp: number, toleranceSeconds: number, nowSeconds: number): void {
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    throw new WebhookVerificationError(`The signed timestamp is outside the ${toleranceSeconds} s tolerance.`);
  }
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** Whether a parsed webhook value is a JSON object (not null, not an array), before its fields are read. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The headers of a received webhook, as Node gives them (a repeated header is an array). */
export type WebhookHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Verifies a signed JSON webhook (`signatureHeader` holds `t=…,v1=…`, see verifyWebhookSignature)
 * and parses its body. The caller checks the body's shape. Throws WebhookVerificationError for a
 * missing, malformed, wrong or stale signature, and for a body that is not JSON.
 */
export function verifiedJsonBody(
  rawBody: Buffer,
  headers: WebhookHeaders,
  signatureHeader: string,
  secret: string,
  toleranceSeconds: number,
): unknown {
  const header = headers[signatureHeader];
  verifyWebhookSignature(
    rawBody,
    Array.isArray(header) ? header[0] : header,
    secret,
    toleranceSeconds,
    Math.floor(Date.now() / 1000),
  );
  try {
    return JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch {
    throw new WebhookVerificationError('The body is not JSON.');
  }
}

/** The exact bytes and headers a sender posts for `body`, signed at `timestamp` (unix seconds; now by default). */
export function signedJsonDelivery(
  body: unknown,
  signatureHeader: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): { payload: string; headers: Record<string, string> } {
  const payload = JSON.stringify(body);
  return {
    payload,
    headers: { 'content-type': 'application/json', [signatureHeader]: signWebhook(payload, secret, timestamp) },
  };
}

/**
 * Posts a signed delivery (see signedJsonDelivery) to `url`, waiting at most `timeoutMs` (ms):
 * true for a 2xx answer, false for any other answer. Throws when the request cannot be made.
 */
export async function postSignedDelivery(
  url: string,
  delivery: { payload: string; headers: Record<string, string> },
  timeoutMs = 5000,
): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.payload,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return response.ok;
}
