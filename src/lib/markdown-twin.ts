/**
 * The Markdown twin of an article, llms.txt and llms-full.txt: the site as plain text for
 * assistants and scripts. Pure: the endpoints in src/pages pass the catalog in.
 *
 * A twin is the article body exactly as written (diagrams and callouts stay in their
 * source form), under a short header with what the HTML page shows around the body, and
 * followed by the FAQ and the sources as Markdown. Frontmatter text (title, description,
 * FAQ) is escaped so that it stays text: a title such as `<script>…` must not become
 * HTML in whatever renders the Markdown.
 */
import { isoDay } from './articles.ts';
import { ARTICLE_SECTIONS } from './article-page.ts';
import { articlePath, LLMS_FULL_TXT_PATH, markdownTwinPath } from './routes.ts';
import type { ArticleData } from './schemas.ts';

export interface TwinArticle {
  id: string;
  data: Pick<
    ArticleData,
    | 'title'
    | 'description'
    | 'pubDate'
    | 'updatedDate'
    | 'lastReviewed'
    | 'topic'
    | 'tags'
    | 'level'
    | 'appliesTo'
    | 'faq'
    | 'sources'
  >;
  /** The Markdown source after the frontmatter, as the writer wrote it. */
  body: string;
}

export interface TwinContext {
  siteUrl: string;
  siteName: string;
  topicLabel: (id: string) => string;
  tagLabel: (id: string) => string;
}

/**
 * Escapes text so Markdown shows it literally: backslash-escapes the ASCII punctuation
 * that starts inline syntax (CommonMark lets any of it be escaped), `_` only where it
 * could start emphasis and `&` only where it would start an entity, so ordinary prose
 * stays readable.
 */
export function markdownText(text: string): string {
  return (
    text
      .replace(/[\\`*[\]<>|]/g, (c) => `\\${c}`)
      // Inside a word, `_` never starts emphasis (snake_case stays as it is).
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
      .replace(/\r?\n/g, ' ')
  );
}

/** A URL safe inside `(…)` of a Markdown link. */
const linkTarget = (url: string): string =>
  url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const absolute = (path: string, siteUrl: string): string => new URL(path, siteUrl).href;

export const twinUrl = (id: string, siteUrl: string): string => absolute(markdownTwinPath(id), siteUrl);

/** The facts the page shows beside the body, as a Markdown list (also used by llms-full.txt). */
function facts(article: TwinArticle, context: TwinContext): string[] {
  const { data } = article;
  const lines = [
    `- URL: ${absolute(articlePath(article.id), context.siteUrl)}`,
    `- Markdown: ${twinUrl(article.id, context.siteUrl)}`,
    `- Topic: ${markdownText(context.topicLabel(data.topic))}`,
    `- Level: ${data.level}`,
    `- Published: ${isoDay(data.pubDate)}`,
    ...(data.updatedDate ? [`- Updated: ${isoDay(data.updatedDate)}`] : []),
    `- Last reviewed: ${isoDay(data.lastReviewed)}`,
  ];
  if (data.appliesTo.length)
    lines.push(`- Applies to: ${data.appliesTo.map((a) => markdownText(`${a.tool} ${a.version}`)).join(', ')}`);
  lines.push(`- Tags: ${data.tags.map((t) => markdownText(context.tagLabel(t))).join(', ')}`);
  return lines;
}

// The headings the layout gives the sections after the body, so the twin's match the page's.
const FAQ_HEADING = ARTICLE_SECTIONS.faq.text;
const SOURCES_HEADING = ARTICLE_SECTIONS.sources.text;

export function articleTwin(article: TwinArticle, context: TwinContext): string {
  const { data } = article;
  const parts = [
    `# ${markdownText(data.title)}`,
    `> ${markdownText(data.description)}`,
    facts(article, context).join('\n'),
    article.body.trim(),
  ];
  if (data.faq.length) {
    // Questions are bold paragraphs, not headings: on the page they are <summary>
    // elements, and the twin's headings match the page's headings one for one.
    parts.push(
      `## ${FAQ_HEADING}`,
      ...data.faq.map((f) => `**${markdownText(f.question)}**\n\n${markdownText(f.answer)}`),
    );
  }
  if (data.sources.length) {
    parts.push(
      `## ${SOURCES_HEADING}`,
      data.sources
        .map(
          (s, i) =>
            `${i + 1}. [${markdownText(s.title)}](${linkTarget(s.url)})${s.backs ? `: ${markdownText(s.backs)}` : ''}`,
        )
        .join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

export interface LlmsTxtInput extends TwinContext {
  description: string;
  /** Published articles, newest first. */
  articles: readonly TwinArticle[];
  /** Topic ids in the site's order. */
  topics: readonly string[];
}

/**
 * /llms.txt in the llmstxt.org format: an H1 with the site's name, a blockquote summary,
 * a paragraph without headings, then one H2 "file list" per topic whose entries are
 * `[title](twin URL): description`.
 */
export function llmsTxt(input: LlmsTxtInput): string {
  const byTopic = new Map<string, TwinArticle[]>(input.topics.map((t) => [t, []]));
  for (const article of input.articles) byTopic.get(article.data.topic)?.push(article);
  const sections = [...byTopic]
    .filter(([, list]) => list.length > 0)
    .map(
      ([topic, list]) =>
        `## ${markdownText(input.topicLabel(topic))}\n\n${list
          .map(
            (a) =>
              `- [${markdownText(a.data.title)}](${twinUrl(a.id, input.siteUrl)}): ${markdownText(a.data.description)}`,
          )
          .join('\n')}`,
    );
  return `${[
    `# ${markdownText(input.siteName)}`,
    `> ${markdownText(input.description)}`,
    `Each link below is the Markdown version of an article: its body as written, under a header with its URL, dates, ` +
      `level, the tool versions it applies to and its tags, followed by its FAQ and sources. Every article in one ` +
      `file: ${absolute(LLMS_FULL_TXT_PATH, input.siteUrl)}`,
    ...sections,
  ].join('\n\n')}\n`;
}

/** Between the header lines and the articles of /llms-full.txt. */
const LLMS_FULL_TXT_RULE = '\n\n---\n\n';

/** /llms-full.txt's opening: the site's name and summary. */
export const llmsFullTxtHead = (input: Pick<LlmsTxtInput, 'siteName' | 'description'>): string =>
  `# ${markdownText(input.siteName)}${LLMS_FULL_TXT_RULE}> ${markdownText(input.description)}`;

/** One article's part of /llms-full.txt: a rule, then its twin. */
export const llmsFullTxtEntry = (article: TwinArticle, context: TwinContext): string =>
  `${LLMS_FULL_TXT_RULE}${articleTwin(article, context).trimEnd()}`;

/** What ends /llms-full.txt, after the last article. */
export const LLMS_FULL_TXT_END = '\n';

/**
 * /llms-full.txt: every published article's twin, newest first, separated by rules. The
 * endpoint streams it from the three parts above, one article at a time: at 10,000 articles
 * the file is ~200 MB, which as one string (plus every body held to build it) would cost
 * gigabytes of heap and come near V8's maximum string length.
 */
export function llmsFullTxt(input: Omit<LlmsTxtInput, 'topics'>): string {
  return llmsFullTxtHead(input) + input.articles.map((a) => llmsFullTxtEntry(a, input)).join('') + LLMS_FULL_TXT_END;
}
