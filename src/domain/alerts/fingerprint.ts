const separator = 0xff;
const encoder = new TextEncoder();

// The running hash, as two 32-bit halves: BigInt was the slowest step of a storm, and a closure
// made per call (or TextEncoder per label) came next.
let hi = 0;
let lo = 0;

/** One byte into FNV-1a 64: xor, then multiply by the prime 0x100000001b3 = 2^40 + 0x1b3. */
const add = (byte: number): void => {
  lo = (lo ^ byte) >>> 0;
  const low = lo * 0x1b3;
  const carry = Math.floor(low / 0x1_0000_0000);
  hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
  lo = low >>> 0;
};

/** The text's UTF-8 bytes, then the separator. ASCII is hashed as it is, anything else encoded. */
const addText = (text: string): void => {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) {
      for (const byte of encoder.encode(text.slice(index))) add(byte);
      break;
    }
    add(code);
  }
  add(separator);
};

/**
 * The fingerprint Alertmanager gives a label set when the sender gives none: 64-bit FNV-1a over the
 * label names in order, each name and value followed by a 0xff byte, as 16 hex digits. Matching it
 * means a resolve sent through another path closes the same alert.
 */
export const fingerprintOf = (labels: Record<string, string>): string => {
  // FNV-1a 64 offset basis 0xcbf29ce484222325.
  hi = 0xcbf29ce4;
  lo = 0x84222325;
  for (const name of Object.keys(labels).sort()) {
    addText(name);
    addText(labels[name] ?? '');
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
};
