import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const url = process.argv[2], out = process.argv[3], w = Number(process.argv[4] ?? 1280), dark = process.argv[5] === 'dark';
const p = await b.newPage({ viewport: { width: w, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
await p.goto(url); await p.waitForTimeout(300);
if (process.argv[6]) await p.evaluate((y) => window.scrollTo(0, Number(y)), process.argv[6]);
await p.screenshot({ path: out, fullPage: !process.argv[6] && w < 500 ? false : false });
await b.close();
