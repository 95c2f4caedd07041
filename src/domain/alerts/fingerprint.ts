const separator = 0xff;
const encoder = new TextEncoder();

/**
 * The fingerprint Alertmanager gives a label set when the sender gives none: 64-bit FNV-1a over the
 * label names in order, each name and value followed by a 0xff byte, as 16 hex digits. Matching it
 * means a resolve sent through another path closes the same alert. The 64-bit arithmetic runs on
 * two 32-bit halves: BigInt was the slowest step of a storm.
 */
export const fingerprintOf = (labels: Record<string, string>): string => {
  // FNV-1a 64 offset basis 0xcbf29ce484222325; prime 0x100000001b3 = 2^40 + 0x1b3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const add = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x1_0000_0000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  };
  for (const name of Object.keys(labels).sort()) {
    for (const byte of encoder.encode(name)) add(byte);
    add(separator);
    for (const byte of encoder.encode(labels[name] ?? '')) add(byte);
    add(separator);
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
};
