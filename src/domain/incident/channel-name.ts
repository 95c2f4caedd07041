/** Slack channel names: lowercase letters, digits, hyphens and underscores, at most 80 characters. */
export const maxChannelNameLength = 80;
export const defaultChannelNameTemplate = 'inc-{number}-{slug}';

export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');

const trimToLength = (name: string, length: number): string =>
  name.slice(0, length).replace(/[-_]+$/, '');

/**
 * Renders the template (`{number}`, `{slug}`, `{severity}`) into a valid Slack channel name.
 * The slug is what gets cut when the result is too long, so the incident number always survives.
 */
export const renderChannelName = (
  template: string,
  values: { number: number; title: string; severity: string },
  maxLength = maxChannelNameLength,
): string => {
  const fixed = slugify(
    template.replace('{number}', String(values.number)).replace('{severity}', values.severity).replace('{slug}', ''),
  );
  const slugRoom = Math.max(0, maxLength - fixed.length - 1);
  const slug = trimToLength(slugify(values.title), slugRoom);
  const rendered = slugify(
    template
      .replace('{number}', String(values.number))
      .replace('{severity}', values.severity)
      .replace('{slug}', slug),
  );
  return trimToLength(rendered, maxLength) || `inc-${values.number}`;
};

/** The name to try on the given attempt: the name itself, then `-2`, `-3` … within the length limit. */
export const channelNameCandidate = (name: string, attempt: number): string => {
  if (attempt <= 1) return name;
  const suffix = `-${attempt}`;
  return `${trimToLength(name, maxChannelNameLength - suffix.length)}${suffix}`;
};

export const isValidChannelName = (name: string): boolean =>
  name.length > 0 && name.length <= maxChannelNameLength && /^[a-z0-9_-]+$/.test(name);
