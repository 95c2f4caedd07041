/**
 * Minimal escaping of free text placed on one Markdown line (a list item, a paragraph): line breaks
 * become " ⏎ " so a message cannot open a heading, a list or an unclosed code fence that would swallow
 * the rest of the document; `<` and `>` cannot form HTML; a leading `#` cannot form a heading.
 * Everything else (emphasis, backticks, links) stays as people wrote it, to keep the draft readable.
 */
export const inlineText = (text: string): string =>
  text
    .trim()
    .replace(/\s*(?:\r\n|\r|\n)+\s*/g, ' ⏎ ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^#/, '\\#');

/** Free text kept as a paragraph of its own: each line escaped, blank lines collapsed. */
export const paragraphText = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      line
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/^(#|```|~~~|---+$|===+$)/, '\\$1'),
    )
    .join('  \n');
