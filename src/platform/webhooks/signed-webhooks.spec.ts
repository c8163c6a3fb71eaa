import {
  signedJsonDelivery,
  signWebhook,
  verifiedJsonBody,
  verifyWebhookSignature,
  WebhookVerificationError,
} from './signed-webhooks';

describe('webhook signatures', () => {
  const body = Buffer.from('{"id":"evt_1"}');
  const now = 1_800_000_000;
  it('accepts a matching signature within the tolerance, in either direction', () => {
    expect(() =>
      verifyWebhookSignature(body, signWebhook(body.toString(), 's', now - 299), 's', 300, now),
    ).not.toThrow();
    expect(() =>
      verifyWebhookSignature(body, signWebhook(body.toString(), 's', now + 299), 's', 300, now),
    ).not.toThrow();
  });
  it('rejects another secret, a changed body, a stale or a future timestamp, and a malformed header', () => {
    const bad = [
      signWebhook(body.toString(), 'other', now),
      signWebhook('{"id":"evt_2"}', 's', now),
      signWebhook(body.toString(), 's', now - 301),
      signWebhook(body.toString(), 's', now + 301),
      'v1=abc',
      undefined,
    ];
    for (const header of bad) {
      expect(() => verifyWebhookSignature(body, header, 's', 300, now)).toThrow(WebhookVerificationError);
    }
  });
  it('round-trips a signed JSON delivery: the receiver gets the body back, from a repeated header too', () => {
    const { payload, headers } = signedJsonDelivery({ id: 'evt_3', n: 1 }, 'x-sig', 's');
    expect(headers['content-type']).toBe('application/json');
    expect(verifiedJsonBody(Buffer.from(payload), headers, 'x-sig', 's', 300)).toEqual({ id: 'evt_3', n: 1 });
    const repeated = { 'x-sig': [headers['x-sig'], 't=1,v1=00'] };
    expect(verifiedJsonBody(Buffer.from(payload), repeated, 'x-sig', 's', 300)).toEqual({ id: 'evt_3', n: 1 });
  });
  it('refuses a delivery without the header, with another secret, or whose signed body is not JSON', () => {
    const { payload, headers } = signedJsonDelivery({ id: 'evt_4' }, 'x-sig', 's');
    expect(() => verifiedJsonBody(Buffer.from(payload), {}, 'x-sig', 's', 300)).toThrow('missing');
    expect(() => verifiedJsonBody(Buffer.from(payload), headers, 'x-sig', 'other', 300)).toThrow(
      WebhookVerificationError,
    );
    const notJson = 'not json';
    const signed = { 'x-sig': signWebhook(notJson, 's', Math.floor(Date.now() / 1000)) };
    expect(() => verifiedJsonBody(Buffer.from(notJson), signed, 'x-sig', 's', 300)).toThrow('not JSON');
  });
});
