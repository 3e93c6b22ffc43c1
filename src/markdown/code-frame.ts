/**
 * Shiki transformer that turns each highlighted block into a captioned figure:
 *
 *   <figure class="code" data-lang="hcl">
 *     <figcaption class="code-bar"><span class="code-title">main.tf</span><span class="code-lang">HCL</span></figcaption>
 *     <pre …>…</pre>
 *   </figure>
 *
 * It also tags what the copy button must leave out, so the browser script stays a
 * few lines: `$ ` prompts become `<span class="prompt">` and output lines in shell
 * sessions get the class `output`. Shiki has no title support of its own.
 */
import type { ShikiTransformer } from 'shiki';
import type { Element, ElementContent } from 'hast';
import { SESSION_LANGUAGES, fenceLanguageLabel, metaAttribute, metaFlag } from './languages.ts';

const PROMPT = /^(\$|#|PS>|>>>) /;

function addClass(node: Element, name: string): void {
  const current = node.properties.class;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(' ') : [];
  if (!list.includes(name)) list.push(name);
  node.properties.class = list.join(' ');
}

/** Moves a leading prompt out of the first text node of a line into its own span. */
function splitPrompt(line: Element): boolean {
  let node: ElementContent | undefined = line;
  const path: Element[] = [];
  while (node && node.type === 'element') {
    path.push(node);
    node = node.children[0];
  }
  if (!node || node.type !== 'text') return false;
  const match = PROMPT.exec(node.value);
  if (!match) return false;
  node.value = node.value.slice(match[0].length);
  line.children.unshift({
    type: 'element',
    tagName: 'span',
    properties: { class: 'prompt', 'aria-hidden': 'true' },
    children: [{ type: 'text', value: match[0] }],
  });
  return true;
}

export function codeFrame(): ShikiTransformer {
  return {
    name: 'kb:code-frame',
    pre(pre) {
      // Only a block that overflows should be a tab stop; the browser script adds
      // tabindex, role and a label when it measures an overflow.
      delete pre.properties.tabindex;
      if (metaFlag(this.options.meta?.__raw, 'showLineNumbers')) addClass(pre, 'line-numbers');
    },
    code(code) {
      const lang = this.options.lang;
      if (!SESSION_LANGUAGES.has(lang)) return;
      // In a session, a line is a command if it starts with a prompt or continues one
      // that ended in a backslash; every other line is output.
      let continues = false;
      for (const child of code.children) {
        if (child.type !== 'element' || child.tagName !== 'span') continue;
        const text = toText(child);
        const isCommand: boolean = continues || splitPrompt(child);
        if (!isCommand) addClass(child, 'output');
        continues = isCommand && /\\\s*$/.test(text);
      }
    },
    root(root) {
      const pre = root.children.find((n): n is Element => n.type === 'element' && n.tagName === 'pre');
      if (!pre) return;
      const lang = this.options.lang;
      const title = metaAttribute(this.options.meta?.__raw, 'title');
      const bar: ElementContent[] = [];
      if (title) {
        bar.push({
          type: 'element',
          tagName: 'span',
          properties: { class: 'code-title' },
          children: [{ type: 'text', value: title }],
        });
      }
      bar.push({
        type: 'element',
        tagName: 'span',
        properties: { class: 'code-lang' },
        children: [{ type: 'text', value: fenceLanguageLabel(lang) }],
      });
      root.children = [
        {
          type: 'element',
          tagName: 'figure',
          properties: { class: 'code', 'data-lang': lang },
          children: [{ type: 'element', tagName: 'figcaption', properties: { class: 'code-bar' }, children: bar }, pre],
        },
      ];
    },
  };
}

function toText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(toText).join('');
  return '';
}
