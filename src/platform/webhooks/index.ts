// Signed webhooks (HMAC-SHA256 over `t.body`, Stripe's `t=…,v1=…` header), for any module that sends or receives them.
export * from './signed-webhooks';
export * from './webhook-backlog';
