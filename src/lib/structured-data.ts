/** schema.org JSON-LD for an article page (TechArticle, plus FAQPage when it has a FAQ). */
import type { ArticleData } from './schemas.ts';
import { lastModified } from './last-modified.ts';

export function articleJsonLd({
  article,
  url,
  siteName,
}: {
  article: ArticleData;
  url: string;
  siteName: string;
}): string {
  const graph: object[] = [
    {
      '@type': 'TechArticle',
      headline: article.title,
      description: article.description,
      datePublished: article.pubDate.toISOString(),
      dateModified: lastModified(article).toISOString(),
      url,
      publisher: { '@type': 'Organization', name: siteName },
      proficiencyLevel: article.level,
      keywords: article.tags.join(', '),
      ...(article.sources.length
        ? { citation: article.sources.map((s) => ({ '@type': 'CreativeWork', name: s.title, url: s.url })) }
        : {}),
    },
  ];
  if (article.faq.length) {
    graph.push({
      '@type': 'FAQPage',
      mainEntity: article.faq.map((f) => ({
        '@type': 'Question',
        name: f.question,
        acceptedAnswer: { '@type': 'Answer', text: f.answer },
      })),
    });
  }
  // Escape "<" so a title containing </script> cannot end the script element.
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }).replace(/</g, '\\u003c');
}
