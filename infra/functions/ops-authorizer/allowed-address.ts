import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Whether `address` is inside one of the CIDRs (`10.0.0.0/8`, `::1/128`). */
export function isAllowedAddress(address: string, cidrs: readonly string[]): boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix] = cidr.split('/');
    const family = isIPv4(network) ? 'ipv4' : isIPv6(network) ? 'ipv6' : undefined;
    if (!family) throw new Error(`Not a CIDR: ${cidr}`);
    list.addSubnet(
      network,
      prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix),
      family,
    );
  }
  // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d.
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (isIPv4(plain)) return list.check(plain, 'ipv4');
  if (isIPv6(plain)) return list.check(plain, 'ipv6');
  return false;
}
