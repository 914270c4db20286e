/**
 * Turns a Slack message's markup into the plain text a person would retype: links lose their brackets,
 * mentions become readable, entities are decoded. Used to prefill the modal from a message shortcut.
 */
export function slackMarkupToPlain(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]+)>/g, (_m, target: string, label: string) => {
      if (target.startsWith('#')) return `#${label}`;
      if (target.startsWith('@') || target.startsWith('!subteam')) return label.startsWith('@') ? label : `@${label}`;
      // Dates and other special commands: Slack's fallback text is what a person reads.
      if (target.startsWith('!')) return label;
      return `${label} (${target})`;
    })
    .replace(/<([@#!])([^<>]+)>/g, (_m, sigil: string, id: string) =>
      sigil === '!' ? `@${id.split('^')[0]}` : `${sigil === '#' ? '#' : '@'}${id}`,
    )
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
