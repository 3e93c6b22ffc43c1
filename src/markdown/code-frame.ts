/**
 * Shiki transformer that turns each highlighted block into a captioned figure:
 *
 *   <figure class="code" data-lang="hcl">
 *     <figcaption class="code-bar"><span class="code-title">main.tf</span><span class="code-lang">HCL</span></figcaption>
 *     <pre …>…</pre>
 *   </figure>
 *
 * It also tags what the copy button must leave out, so the browser script stays a
 * few lines: prompts become `<span class="prompt">` and output lines in shell sessions
 * get the class `output`, by the rule of src/shared/shell-session.ts. Shiki has no title support of its own.
 */
import type { ShikiTransformer } from 'shiki';
import type { Element, ElementContent } from 'hast';
import { SESSION_LANGUAGES, fenceLanguageLabel, metaAttribute, metaFlag } from './languages.ts';
import { OUTPUT_CLASS, PROMPT_CLASS, sessionLines } from '../shared/shell-session.ts';

function addClass(node: Element, name: string): void {
  const current = node.properties.class;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(' ') : [];
  if (!list.includes(name)) list.push(name);
  node.properties.class = list.join(' ');
}

/** Moves a line's leading prompt out of its first text node into its own span. */
function splitPrompt(line: Element, prompt: string): void {
  let node: ElementContent | undefined = line;
  while (node && node.type === 'element') node = node.children[0];
  // Shiki keeps a prompt in one token; should a grammar ever split it, the line stays as it is.
  if (!node || node.type !== 'text' || !node.value.startsWith(prompt)) return;
  node.value = node.value.slice(prompt.length);
  line.children.unshift({
    type: 'element',
    tagName: 'span',
    properties: { class: PROMPT_CLASS, 'aria-hidden': 'true' },
    children: [{ type: 'text', value: prompt }],
  });
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
      const lines = code.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'span');
      const kinds = sessionLines(lines.map(toText));
      // Lines of one command (a prompt line and its continuations) share data-command, so
      // the browser can copy each command on its own.
      let command = 0;
      lines.forEach((line, i) => {
        const { command: isCommand, prompt } = kinds[i]!;
        if (prompt) {
          splitPrompt(line, prompt);
          command++;
        }
        if (isCommand) line.properties['data-command'] = String(command);
        else addClass(line, OUTPUT_CLASS);
      });
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
      // A tab label marks the block for the code-tabs plugin, which groups consecutive ones.
      const tab = metaAttribute(this.options.meta?.__raw, 'tab')?.trim();
      root.children = [
        {
          type: 'element',
          tagName: 'figure',
          properties: { class: 'code', 'data-lang': lang, ...(tab ? { 'data-tab': tab } : {}) },
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
