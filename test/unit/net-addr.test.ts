// Tests of net/addr.ts: IPv4 addresses as text, bytes and numbers; the broadcast address of a
// listen address's subnet (all of 127.0.0.0/8 is the loopback interface's).

import { expect } from 'chai';
import { broadcastAddressFor, formatIPv4, ipToNum, numToIp, parseIPv4, unmapIPv4 } from '../../net/addr.js';

describe('#parseIPv4', () => {
  it('reads dotted quads and refuses anything else', () => {
    expect([...parseIPv4('192.168.0.100')!]).to.deep.equal([192, 168, 0, 100]);
    for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', 'localhost', '::1', '']) expect(parseIPv4(bad), bad).to.equal(null);
  });
});

describe('#ipToNum and #numToIp', () => {
  it('convert big-endian, as the talk\'s ip->num and num->ip', () => {
    expect(ipToNum(parseIPv4('192.168.0.100')!)).to.equal(0xc0a80064);
    expect(formatIPv4(numToIp(0xc0a80064))).to.equal('192.168.0.100');
    expect(formatIPv4(numToIp(0xffffffff))).to.equal('255.255.255.255');
  });
});

describe('#broadcastAddressFor', () => {
  it('gives 127.255.255.255 for any loopback address', () => {
    expect(broadcastAddressFor('127.0.0.2')).to.equal('127.255.255.255');
    expect(broadcastAddressFor('127.1.2.3')).to.equal('127.255.255.255');
  });
  it('falls back to the /24 for an address of no interface', () => {
    expect(broadcastAddressFor('203.0.113.7')).to.equal('203.0.113.255');
  });
});

describe('#unmapIPv4', () => {
  it('strips the IPv4-mapped IPv6 prefix', () => {
    expect(unmapIPv4('::ffff:127.0.0.2')).to.equal('127.0.0.2');
    expect(unmapIPv4('127.0.0.2')).to.equal('127.0.0.2');
  });
});
