// The llmstxt.org format, read strictly: an H1 with the site's name, a blockquote
// summary, paragraphs without headings, then H2 sections whose bodies are "file lists"
// of `- [name](url): notes`. Shared by the unit and the browser tests.
export interface LlmsTxt {
  title: string | undefined;
  summary: string | undefined;
  details: string[];
  sections: Map<string, Array<{ name: string; url: string; notes?: string }>>;
}

export function parseLlmsTxt(text: string): LlmsTxt {
  const blocks = text.trim().split(/\n{2,}/);
  const title = /^# (.+)$/.exec(blocks.shift() ?? '')?.[1];
  const summary = /^> (.+)$/.exec(blocks.shift() ?? '')?.[1];
  const details: string[] = [];
  while (blocks.length && !blocks[0]!.startsWith('## ')) {
    const block = blocks.shift()!;
    if (/^#/m.test(block)) throw new Error(`heading before the file lists: ${block}`);
    details.push(block);
  }
  const sections: LlmsTxt['sections'] = new Map();
  while (blocks.length) {
    const name = /^## (.+)$/.exec(blocks.shift()!)?.[1];
    if (!name) throw new Error('expected an H2');
    const list = blocks.shift()!.split('\n');
    sections.set(
      name,
      list.map((line) => {
        const m = /^- \[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)(?:: (.+))?$/.exec(line);
        if (!m) throw new Error(`not a file-list entry: ${line}`);
        return { name: m[1]!, url: m[2]!, ...(m[3] ? { notes: m[3] } : {}) };
      }),
    );
  }
  return { title, summary, details, sections };
}
