import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import {
  checkMermaid,
  cleanSvg,
  graphText,
  MermaidError,
  mermaidDiagrams,
  renderMermaid,
} from '../../src/markdown/mermaid.ts';

const render = async (md: string) => (await markdownToHtml(md, { mdastPlugins: [mermaidDiagrams] })).html;

const FLOW = 'flowchart TD\n  a["<b>Plan</b><br/>terraform plan"] --> b[Apply] --> c[Verify]\n';

describe('mermaid fences', () => {
  it('become an inline SVG with role="img", its name, and no style the CSP would block', async () => {
    const html = await render('```mermaid caption="Plan, apply, verify"\n' + FLOW + '```\n');
    expect(html).toContain('<div class="diagram" data-diagram="flowchart">');
    expect(html).toContain('<div class="diagram-scroll" data-pagefind-ignore=""><svg ');
    expect(html).toMatch(/<svg [^>]*class="diagram-svg" role="img" aria-labelledby="mermaid-1-title">/);
    expect(html).toContain('<title id="mermaid-1-title">Plan, apply, verify</title>');
    expect(html).toContain('<figcaption class="diagram-caption">Plan, apply, verify</figcaption>');
    expect(html).not.toMatch(/<style|\sstyle="|googleapis|@import/);
    // Every id is prefixed, and so is every reference to one.
    expect(html).toContain('id="mermaid-1-arrowhead"');
    expect(html).toContain('marker-end="url(#mermaid-1-arrowhead)"');
    expect(html).not.toMatch(/\sid="arrowhead"|url\(#arrowhead\)/);
  });

  it('add a text version: a chain reads as numbered steps, a bold first line as its heading', async () => {
    const html = await render('```mermaid caption="x"\n' + FLOW + '```\n');
    expect(html).toContain(
      '<details class="diagram-text"><summary>Diagram as text</summary><ol><li>Plan: terraform ' +
        'plan</li><li>Apply</li><li>Verify</li></ol></details>',
    );
  });

  it('read accTitle and accDescr instead of drawing them as nodes', () => {
    const { html } = renderMermaid(
      'flowchart LR\n  accTitle: Release flow\n  accDescr {\n    From merge\n    to production\n  }\n  A --> B\n',
      '',
      'd',
    );
    expect(html).toContain('aria-labelledby="d-title" aria-describedby="d-desc"');
    expect(html).toContain('<title id="d-title">Release flow</title><desc id="d-desc">From merge to production</desc>');
    expect(html).toContain('<figcaption class="diagram-caption">Release flow</figcaption>');
    expect(html).not.toMatch(/data-id="acc|From merge<\/text>/);
  });

  it('draw a repeated diagram once, yet prefix its ids for each page and name it by its own caption', () => {
    const source = 'flowchart LR\n  A --> B\n';
    const first = renderMermaid(source, 'caption="First"', 'p1').html;
    const again = renderMermaid(source, 'caption="Second"', 'p2').html;
    expect(again).toBe(first.replaceAll('p1-', 'p2-').replaceAll('>First<', '>Second<'));
    expect(again).not.toContain('p1-');
    expect(again).toContain('<figcaption class="diagram-caption">Second</figcaption>');
  });

  it('describe loops, branches and groups in words', () => {
    expect(graphText('flowchart LR\n A --> B --> C --> A')).toBe(
      '<ol><li>A</li><li>B</li><li>C</li></ol><p>Then back to step 1: the loop repeats.</p>',
    );
    expect(graphText('flowchart LR\n A{Ok?} -->|yes| B\n A -->|no| C')).toBe(
      '<ul><li>Ok? → B (yes)</li><li>Ok? → C (no)</li></ul>',
    );
    expect(graphText('flowchart LR\n subgraph x [Push]\n a1 --> a2\n end\n subgraph y [Pull]\n b1 --> b2\n end')).toBe(
      '<p>Push</p><ol><li>a1</li><li>a2</li></ol><p>Pull</p><ol><li>b1</li><li>b2</li></ol>',
    );
    expect(graphText('stateDiagram-v2\n [*] --> Running\n Running --> [*]')).toBe(
      '<ol><li>Start</li><li>Running</li><li>End</li></ol>',
    );
  });

  it('give sequence, class and ER diagrams the renderer’s text drawing', () => {
    const { html, type } = renderMermaid('sequenceDiagram\n  Alice->>Bob: Hello', 'caption="Greeting"', 's');
    expect(type).toBe('sequence');
    expect(html).toMatch(/<pre class="diagram-ascii">[\s\S]*Alice[\s\S]*Hello[\s\S]*<\/pre>/);
    expect(html).not.toMatch(/<style|\sstyle="/);
  });

  it('work in MDX, where the braces of a class diagram are not expressions', async () => {
    const { code } = await mdxToJs(
      '```mermaid caption="Types"\nclassDiagram\n  class Duck {\n    +swim()\n  }\n```\n',
      {
        mdastPlugins: [mermaidDiagrams],
      },
    );
    expect(code).toContain('diagram-svg');
    // The whole SVG stays one element: its shapes are inside it, not after it.
    expect(code).toMatch(/"svg",[\s\S]*"title"[\s\S]*"g"[\s\S]*"details"/);
  });

  it('keep the text drawing of a sequence diagram intact in MDX', async () => {
    const { code } = await mdxToJs('```mermaid caption="Hi"\nsequenceDiagram\n  A->>B: hi\n```\n', {
      mdastPlugins: [mermaidDiagrams],
    });
    const pre = /class: "diagram-ascii",\s*children: ("[^"]*")/.exec(code);
    expect(pre, 'the <pre> has one text child').not.toBeNull();
    // The compiled string literal, with its \xA0 and \n escapes read back.
    const text = pre![1]!.slice(1, -1).replace(/\\xA0/g, ' ').replace(/\\n/g, '\n');
    expect(text.split('\n').length).toBeGreaterThan(5);
    expect(text).toContain('│   hi    │');
  });

  it('fail the render of a broken diagram with file and line', async () => {
    await expect(render('Text.\n\n```mermaid caption="x"\npie\n  "a" : 1\n```\n')).rejects.toThrow(
      /content:4 mermaid: diagram type 'pie' cannot be drawn at build time/,
    );
  });
});

describe('checkMermaid (the content check, without layout)', () => {
  it('accepts every type the renderer draws', () => {
    for (const src of [
      FLOW,
      'stateDiagram-v2\n [*] --> A',
      'sequenceDiagram\n A->>B: x',
      'classDiagram\n A <|-- B',
      'erDiagram\n A ||--o{ B : has',
    ])
      expect(checkMermaid(src, 'caption="x"'), src).toEqual([]);
  });
  it('rejects what it cannot draw or would silently drop, at the line inside the fence', () => {
    expect(checkMermaid('xychart-beta\n  bar [1, 2]', 'caption="x"')[0]?.message).toMatch(
      /type 'xychart-beta' cannot be drawn/,
    );
    expect(checkMermaid('', 'caption="x"')).toEqual([
      { line: 0, message: 'diagram is empty; start with a header such as flowchart LR' },
    ]);
    expect(checkMermaid('flowchart LR\n  A["unclosed] --> B', 'caption="x"')).toEqual([
      { line: 2, message: `line 'A["unclosed] --> B' has an unclosed quote` },
    ]);
    expect(checkMermaid('flowchart LR\n  A] --> B', 'caption="x"')[0]?.message).toMatch(
      /closes '\]' that was never opened/,
    );
  });
});

describe('cleanSvg', () => {
  it('refuses a <style> it does not know how to replace, instead of shipping it', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><style>.bar { fill: red; }</style></svg>';
    expect(() => cleanSvg(svg, 'x', 'n')).toThrow(MermaidError);
  });
});
