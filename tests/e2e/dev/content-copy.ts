// The dev server's tests edit content, so the server reads a copy of the fixture site
// (made by its command in playwright.config.ts), never tests/fixtures/site itself. Its
// output is also written to a log file beside the copy, which the tests read.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4322) + 2;
export const DEV_CONTENT_DIR = join(tmpdir(), `kb-e2e-dev-content-${port}`);
export const DEV_SERVER_LOG = `${DEV_CONTENT_DIR}.log`;
