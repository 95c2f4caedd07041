export const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof severities)[number];

export const severityDescriptions: Record<Severity, string> = {
  SEV1: 'Critical: customers broadly affected, revenue or data at risk',
  SEV2: 'Major: a key feature is down or badly degraded for many customers',
  SEV3: 'Minor: limited impact, a workaround exists',
  SEV4: 'Low: no customer impact yet, needs attention',
};

export const severityEmoji: Record<Severity, string> = {
  SEV1: ':red_circle:',
  SEV2: ':large_orange_circle:',
  SEV3: ':large_yellow_circle:',
  SEV4: ':large_blue_circle:',
};

export const isSeverity = (value: string): value is Severity =>
  (severities as readonly string[]).includes(value);

/** Accepts `sev1`, `SEV1`, `1`. */
export const parseSeverity = (value: string): Severity | undefined => {
  const normalized = value.trim().toUpperCase();
  const candidate = /^\d$/.test(normalized) ? `SEV${normalized}` : normalized;
  return isSeverity(candidate) ? candidate : undefined;
};
