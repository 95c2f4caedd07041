/**
 * The page's own icons as inline SVG, so they show even where no emoji font is installed (Slack's
 * content emoji still come through as characters).
 */
const svg = (path: string, label?: string): string =>
  `<svg class="icon" viewBox="0 0 16 16" width="14" height="14" fill="currentColor"${label ? ` role="img" aria-label="${label}"` : ' aria-hidden="true"'}>${path}</svg>`;

export const icons = {
  pin: svg('<path d="M10.5 1.5l4 4-1.3.6-2.4 2.4.4 3.3-1.2 1.2-2.7-2.7L3.5 14.1 2 14l-.1-1.5 3.8-3.8L3 6l1.2-1.2 3.3.4 2.4-2.4z"/>'),
  lock: svg('<path d="M4 7V5a4 4 0 118 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 10-4 0v2z"/>', 'private'),
  file: svg('<path d="M3 1h6l4 4v10H3V1zm6 1v4h4"/>'),
  bot: svg('<path d="M7 1h2v2h3a2 2 0 012 2v6a2 2 0 01-2 2H4a2 2 0 01-2-2V5a2 2 0 012-2h3V1zM5 7a1 1 0 100 2 1 1 0 000-2zm6 0a1 1 0 100 2 1 1 0 000-2zM5 10.5v1h6v-1H5z"/>'),
  eye: svg('<path d="M8 3C4 3 1.5 6.5 1 8c.5 1.5 3 5 7 5s6.5-3.5 7-5c-.5-1.5-3-5-7-5zm0 8a3 3 0 110-6 3 3 0 010 6z"/>'),
  home: svg('<path d="M8 1l7 6h-2v8H9v-5H7v5H3V7H1z"/>'),
} as const;
