const separator = 0xff;
const encoder = new TextEncoder();

/** The bytes hashed for one label name or value: its UTF-8, then the separator. */
const bytesOf = (text: string): ArrayLike<number> => {
  const bytes = encoder.encode(text);
  const withSeparator = new Uint8Array(bytes.length + 1);
  withSeparator.set(bytes);
  withSeparator[bytes.length] = separator;
  return withSeparator;
};

/**
 * The fingerprint Alertmanager gives a label set when the sender gives none: 64-bit FNV-1a over the
 * label names in order, each name and value followed by a 0xff byte, as 16 hex digits. Matching it
 * means a resolve sent through another path closes the same alert.
 *
 * The hash runs on two 32-bit halves in local variables, one loop per text: BigInt, then a function
 * call per byte and TextEncoder per label, were each in turn the slowest step of taking a batch.
 * ASCII text is hashed straight from its character codes; anything else through its UTF-8 bytes.
 */
export const fingerprintOf = (labels: Record<string, string>): string => {
  // FNV-1a 64: offset basis 0xcbf29ce484222325; prime 0x100000001b3 = 2^40 + 0x1b3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const names = Object.keys(labels).sort();
  for (let field = 0; field < 2 * names.length; field += 1) {
    const name = names[field >> 1]!;
    const text = field & 1 ? (labels[name] ?? '') : name;
    const ascii = !/[\u0080-\uffff]/.test(text);
    const bytes = ascii ? undefined : bytesOf(text);
    const length = ascii ? text.length + 1 : bytes!.length;
    for (let index = 0; index < length; index += 1) {
      const byte = ascii ? (index < text.length ? text.charCodeAt(index) : separator) : bytes![index]!;
      lo = (lo ^ byte) >>> 0;
      const low = lo * 0x1b3;
      hi = (Math.imul(hi, 0x1b3) + Math.floor(low / 0x1_0000_0000) + (lo << 8)) >>> 0;
      lo = low >>> 0;
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
};
