// IPv4 addresses as the talk handles them: a node's address is a 4-byte u8vector
// (`#u8(192 168 0 100)`), in network (big-endian) order. Here: parsing and printing them, and
// choosing the address a node listens on and the broadcast address of its subnet.

import * as os from 'node:os';

/** Parse dotted-quad text; null if it is not an IPv4 address. */
export function parseIPv4(s: string): Uint8Array | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (m === null) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const n = Number(m[i + 1]);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

export function formatIPv4(b: Uint8Array): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** Node reports IPv4-mapped IPv6 addresses (`::ffff:127.0.0.2`) for some sockets. */
export function unmapIPv4(s: string): string {
  return s.startsWith('::ffff:') ? s.slice(7) : s;
}

export function ipToNum(b: Uint8Array): number {
  return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
}

export function numToIp(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}

/**
 * The host's LAN address: the first non-internal IPv4 address of a network interface, else
 * 127.0.0.1 (a machine without a network still has a node, alone on its loopback /24).
 */
export function lanAddress(): string {
  for (const addrs of Object.values(os.networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

/**
 * The broadcast address of the subnet holding `ip`: from the netmask of the interface whose
 * subnet contains it (all of 127.0.0.0/8 is the loopback interface: 127.255.255.255), or the
 * /24's broadcast address if no interface matches.
 */
export function broadcastAddressFor(ip: string): string {
  const b = parseIPv4(ip);
  if (b === null) throw new Error(`not an IPv4 address: ${ip}`);
  const n = ipToNum(b);
  for (const addrs of Object.values(os.networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family !== 'IPv4') continue;
      const ab = parseIPv4(a.address), mb = parseIPv4(a.netmask);
      if (ab === null || mb === null) continue;
      const mask = ipToNum(mb);
      if (((ipToNum(ab) & mask) >>> 0) === ((n & mask) >>> 0)) return formatIPv4(numToIp(((n & mask) | ~mask) >>> 0));
    }
  }
  return formatIPv4(numToIp(((n & 0xffffff00) | 0xff) >>> 0));
}
