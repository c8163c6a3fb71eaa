import { ConfigError } from './config-error';
import { fillUrlTemplate, readShopUrl, readUrlTemplate } from './url-template';

describe('links in emails', () => {
  it("default to this API's own address, whatever its port", () => {
    expect(readShopUrl({})).toBe('http://localhost:3000');
    expect(readShopUrl({ PORT: '8080' })).toBe('http://localhost:8080');
    expect(readShopUrl({ HOST: '127.0.0.1', PORT: '4000' })).toBe('http://127.0.0.1:4000');
    expect(readShopUrl({ SHOP_URL: 'https://shop.example/', PORT: '8080' })).toBe('https://shop.example');
  });

  it('fill a template per kind of link, with URL-encoded values', () => {
    const template = readUrlTemplate({ PORT: '8080' }, 'X_URL_TEMPLATE', '{shopUrl}/reset?token={token}', ['token']);
    expect(template).toBe('http://localhost:8080/reset?token={token}');
    expect(fillUrlTemplate(template, { token: 'a b/c' })).toBe('http://localhost:8080/reset?token=a%20b%2Fc');
    expect(
      readUrlTemplate({ X_URL_TEMPLATE: 'https://shop.example/o/{orderId}' }, 'X_URL_TEMPLATE', '', ['orderId']),
    ).toBe('https://shop.example/o/{orderId}');
  });

  it('accept optional placeholders, present or not, and still refuse others', () => {
    const read = (value: string) => readUrlTemplate({ T: value }, 'T', '', ['trackingNumber'], ['orderId', 'carrier']);
    expect(read('https://track.example/{carrier}/{trackingNumber}?o={orderId}')).toBe(
      'https://track.example/{carrier}/{trackingNumber}?o={orderId}',
    );
    expect(read('https://track.example/t/{trackingNumber}')).toBe('https://track.example/t/{trackingNumber}');
    expect(() => read('https://track.example/o/{orderId}')).toThrow(
      'Invalid configuration: T must contain {trackingNumber}',
    );
    expect(() => read('https://track.example/{trackingNumber}/{lang}')).toThrow(
      'has an unknown placeholder {lang}: it may use {shopUrl}, {trackingNumber}, {orderId}, {carrier}',
    );
  });

  it.each([
    ['https://shop.example/orders', 'must contain {orderId}'],
    ['ftp://shop.example/{orderId}', 'must use http:// or https://'],
    [
      'https://shop.example/{lang}/orders/{orderId}',
      'has an unknown placeholder {lang}: it may use {shopUrl}, {orderId} (got "https://shop.example/{lang}/orders/{orderId}")',
    ],
    ['{shopURL}/orders/{orderId}', 'has an unknown placeholder {shopURL}'],
    ['https://shop.example/reset?token={token}&order={orderId}', 'has an unknown placeholder {token}'],
  ])('refuse %s with one line naming the variable', (value, problem) => {
    const read = () => readUrlTemplate({ X_URL_TEMPLATE: value }, 'X_URL_TEMPLATE', '', ['orderId']);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`Invalid configuration: X_URL_TEMPLATE ${problem}`);
  });
});
