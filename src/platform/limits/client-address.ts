import { isIPv6 } from 'node:net';

/**
 * The part of a client address that one client controls, as a limit key. An IPv4 address is itself;
 * an IPv6 address is its /64 network, since one subscriber is usually given a whole /64 and could
 * otherwise rotate through 2^64 addresses to escape a per-address limit. IPv4-mapped IPv6
 * (`::ffff:192.0.2.1`) counts as the IPv4 address.
 */
export function clientAddressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
