#!/usr/bin/env node
// `npm run validate`: check all content (frontmatter, MDX, fences, snippets, links) without building.
import { checkContent, formatProblems } from '../src/checks/content/index.ts';
import { contentDir, site } from '../src/site.config.ts';

const result = await checkContent({ contentDir, staleAfterMonths: site.staleAfterMonths });
if (result.problems.length) console.log(formatProblems(result.problems));
else console.log(`content OK: ${result.articles.length} articles checked.`);
process.exit(result.errorCount ? 1 : 0);
