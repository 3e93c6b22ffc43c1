import { enhanceCodeBlocks } from './code-blocks.ts';
import { trackCurrentSection } from './toc.ts';

enhanceCodeBlocks();
trackCurrentSection();
