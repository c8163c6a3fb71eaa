import { clientAddressKey } from './client-address';

describe('clientAddressKey', () => {
  it('keeps an IPv4 address, also when it arrives IPv4-mapped', () => {
    expect(clientAddressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientAddressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('limits IPv6 by /64, however the address is written', () => {
    const key = '2001:db8:0:12::/64';
    expect(clientAddressKey('2001:db8:0:12::1')).toBe(key);
    expect(clientAddressKey('2001:0DB8:0000:0012:ffff:1:2:3')).toBe(key);
    expect(clientAddressKey('2001:db8::12:0:0:0:9')).toBe('2001:db8:0:12::/64');
    expect(clientAddressKey('2001:db8:0:13::1')).not.toBe(key);
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
  });
});
