import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage({ locale: 'nl-NL' });
page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 100)));
page.on('response', async (r) => { if (r.request().resourceType() === 'document') console.log('DOC', r.status(), r.request().method(), r.url(), JSON.stringify(await r.request().allHeaders()), (await r.allHeaders())['content-security-policy']?.slice(0, 30)); });
for (const p of process.argv.slice(2)) await page.goto('http://127.0.0.1:4403' + p, { waitUntil: 'networkidle' });
await browser.close();
