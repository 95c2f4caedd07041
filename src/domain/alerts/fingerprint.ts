const offset = 0xcbf29ce484222325n;
const prime = 0x100000001b3n;
const mask = 0xffffffffffffffffn;
const separator = 0xff;

/**
 * The fingerprint Alertmanager gives a label set when the sender gives none: 64-bit FNV-1a over the
 * label names in order, each name and value followed by a 0xff byte, as 16 hex digits. Matching it
 * means a resolve sent through another path closes the same alert.
 */
export const fingerprintOf = (labels: Record<string, string>): string => {
  let hash = offset;
  const add = (byte: number) => {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  };
  for (const name of Object.keys(labels).sort()) {
    for (const byte of Buffer.from(name, 'utf8')) add(byte);
    add(separator);
    for (const byte of Buffer.from(labels[name] ?? '', 'utf8')) add(byte);
    add(separator);
  }
  return hash.toString(16).padStart(16, '0');
};
