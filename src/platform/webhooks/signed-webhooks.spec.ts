import { signWebhook, verifyWebhookSignature, WebhookVerificationError } from './signed-webhooks';

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
});
