/**
 * "Open in ChatGPT / Claude": plain links that start a chat with a prompt naming the
 * article's Markdown twin, so the assistant reads the page as written. Nothing is loaded
 * from those sites unless the reader follows a link.
 */
export const assistantPrompt = (twinUrl: string): string => `Read ${twinUrl} and answer my questions about it.`;

export function assistantLinks(twinUrl: string): Array<{ name: string; href: string }> {
  const q = encodeURIComponent(assistantPrompt(twinUrl));
  return [
    { name: 'ChatGPT', href: `https://chatgpt.com/?q=${q}` },
    { name: 'Claude', href: `https://claude.ai/new?q=${q}` },
  ];
}
