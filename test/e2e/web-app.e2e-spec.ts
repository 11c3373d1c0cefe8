import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { pdfPageText, readPdf } from '../utils/pdf-text.util';
import { startSeededService, type RunningService } from './service-process.util';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MONTH = '2026-11';
const WABA = '102290129340398';
const SCREENSHOTS = join(__dirname, 'screenshots');

interface StatementFigures {
  number: string;
  exactTotal: string;
  total: string;
}

/**
 * A figure as the page shows it in en-US, as a canonical decimal ("$1,234.5600" → "1234.56"): a
 * statement column pads its values to the decimals of its most precise one, never rounds them.
 */
const digitsOf = (shown: string | null) =>
  (shown ?? '')
    .replace(/[^0-9.-]/g, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');

describe('the web app in Chromium, on the real service', () => {
  let service: RunningService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let financeKey: string;

  const graphql = async <T>(query: string, key = service.adminKey): Promise<T> => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const statement = async (): Promise<StatementFigures> =>
    (
      await graphql<{ monthlyStatement: StatementFigures }>(
        `{ monthlyStatement(input: { month: "${MONTH}", wabaId: "${WABA}" }) { number exactTotal total } }`,
      )
    ).monthlyStatement;
  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const open = (path: string) =>
    page.goto(`${service.url}${path}${path.includes('?') ? '&' : '?'}month=${MONTH}&waba=${WABA}`);
  const signIn = async (key: string) => {
    await page.goto(`${service.url}/?month=${MONTH}&waba=${WABA}`);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `Overview ${MONTH}` }).waitFor();
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    service = await startSeededService(MONTH);
    financeKey = (
      await graphql<{ createApiKey: { secret: string } }>(`
        mutation {
          createApiKey(input: { name: "e2e finance", role: FINANCE }) {
            secret
          }
        }
      `)
    ).createApiKey.secret;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    context = await browser.newContext({
      locale: 'en-US',
      acceptDownloads: true,
      viewport: { width: 1280, height: 1000 },
    });
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('refuses a wrong key with a clear message, then signs in with a finance key that cannot import', async () => {
    await page.goto(`${service.url}/`);
    await page.getByLabel('API key').fill('wbk_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), 'This API key is not valid');
    await screenshot('sign-in-refused');
    await signIn(financeKey);
    await open('/rate-cards');
    await expectText(page.getByText('Importing a card needs an OPERATOR key.'), 'OPERATOR');
    await screenshot('signed-in-finance');
  });

  it("shows the month's totals exactly as monthlyStatement, on the overview and the statement", async () => {
    const expected = await statement();
    await open('/');
    await page.locator('[data-chart-ready="true"]').first().waitFor();
    expect(digitsOf(await page.getByTestId('total-exact').textContent())).toBe(
      digitsOf(expected.exactTotal),
    );
    expect(digitsOf(await page.getByTestId('total-rounded').textContent())).toBe(
      digitsOf(expected.total),
    );
    await screenshot('overview');
    await open('/statement');
    await expectText(page.getByTestId('statement-number'), expected.number);
    expect(digitsOf(await page.getByTestId('statement-exact-total').textContent())).toBe(
      digitsOf(expected.exactTotal),
    );
    expect(digitsOf(await page.getByTestId('statement-total').textContent())).toBe(
      digitsOf(expected.total),
    );
    await screenshot('statement');
  });

  it('drills from a market to a message and its explanation', async () => {
    await open('/');
    await page
      .getByRole('list', { name: 'Spend by market' })
      .getByRole('link', { name: 'Mexico' })
      .click();
    await page.getByRole('heading', { name: `Messages ${MONTH}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('market')).toBe('Mexico');
    const first = page.locator('tbody details').first();
    await first.locator('summary').click();
    const wamid = (await first.locator('summary').textContent())!;
    const { message } = await graphql<{
      message: { charge: { explanation: string; market: string } };
    }>(`{ message(wamid: "${wamid}") { charge { explanation market } } }`);
    expect(message.charge.market).toBe('Mexico');
    await expectText(first.locator('.explanation'), message.charge.explanation);
    await screenshot('message-explained');
  });

  it('downloads the statement as CSV, XLSX and PDF by a click and reads each back', async () => {
    const expected = await statement();
    await open('/statement');
    const files: Record<string, string> = {};
    for (const format of ['CSV', 'XLSX', 'PDF']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download ${format}` }).click(),
      ]);
      expect(download.url()).not.toContain(financeKey);
      const path = join(service.dataDir, `downloaded.${format.toLowerCase()}`);
      await download.saveAs(path);
      files[format] = path;
    }
    const csv = readFileSync(files.CSV, 'utf8');
    expect(csv).toContain(`${expected.number},TOTAL,`);
    expect(csv).toContain(`,${expected.exactTotal},`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files.XLSX);
    const summary: string[] = [];
    workbook.getWorksheet('Summary')!.eachRow((row) => summary.push(JSON.stringify(row.values)));
    expect(summary.join('\n')).toContain(expected.number);
    expect(readFileSync(files.PDF).subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = readPdf(files.PDF);
    expect(pdfPageText(pdf.pages[0])).toContain(expected.number);
    await screenshot('statement-downloaded');
  });

  it('runs a simulation whose baseline is the recorded month', async () => {
    const expected = await statement();
    await open('/simulations');
    await page.getByLabel('Growth per month (%)').fill('10');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    const result = page.getByTestId('simulation-result');
    await result.waitFor();
    const baseline = result.getByRole('row', { name: /As recorded/ });
    expect(digitsOf(await baseline.locator('td').nth(3).textContent())).toBe(
      digitsOf(expected.exactTotal),
    );
    await expectText(result.getByRole('row', { name: /What if/ }), 'What if');
    await screenshot('simulation');
  });

  it('imports a rate card by upload (operator) and the totals change with it', async () => {
    const before = await statement();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(service.adminKey);
    await open('/rate-cards');
    const csv = readFileSync(
      join(__dirname, '..', '..', 'samples', 'rates-usd.csv'),
      'utf8',
    ).replace('North America,$US,0.0250,', 'North America,$US,0.0500,');
    const ratesFile = join(service.dataDir, 'rates-e2e.csv');
    writeFileSync(ratesFile, csv);
    const form = page.getByRole('form', { name: 'Import a rate card' });
    await form.getByLabel('Name').fill('E2E card');
    await form.getByLabel('Effective from').fill(`${MONTH}-01`);
    await form.getByLabel('Rates CSV').setInputFiles(ratesFile);
    await form.getByRole('button', { name: 'Import' }).click();
    await expectText(form.getByRole('status'), 'the totals now use it', 60_000);
    const after = await statement();
    expect(after.exactTotal).not.toBe(before.exactTotal);
    await open('/');
    await page.locator('[data-chart-ready="true"]').first().waitFor();
    expect(digitsOf(await page.getByTestId('total-exact').textContent())).toBe(
      digitsOf(after.exactTotal),
    );
    await screenshot('rate-card-imported');
  });

  it('imports a send log by upload (operator), following the job to its summary', async () => {
    await open('/');
    await page.getByRole('link', { name: 'Imports', exact: true }).click();
    await page.getByRole('heading', { name: 'Imports', exact: true }).waitFor();
    // The page's address differs from the service's /imports, which a reload must not reach.
    expect(new URL(page.url()).pathname).toBe('/data-imports');
    const sendLog = join(service.dataDir, 'send-log-e2e.csv');
    writeFileSync(
      sendLog,
      [
        'wamid,phone_number_id,to,sent_at,template_name,template_language,template_category,api',
        `wamid.e2e-import-1,106540352242922,+14155550134,${MONTH}-20T10:00:00Z,,,,CLOUD_API`,
        `wamid.e2e-import-2,106540352242922,+14155550135,${MONTH}-20T11:00:00Z,,,,CLOUD_API`,
        `wamid.e2e-import-3,"106540352242922,+14155550136,${MONTH}-20T12:00:00Z,,,,CLOUD_API`,
        '',
      ].join('\n'),
    );
    const form = page.getByRole('form', { name: 'Import a file' });
    await form.getByLabel('File').setInputFiles(sendLog);
    await form.getByRole('button', { name: 'Import' }).click();
    const summary = page.getByLabel('Import summary');
    await summary.waitFor({ timeout: 60_000 });
    const figure = (name: string) =>
      summary
        .locator('div')
        .filter({ has: page.getByText(name, { exact: true }) })
        .locator('dd');
    expect(await figure('Format').textContent()).toBe('Send log (CSV)');
    expect(await figure('Lines read').textContent()).toBe('3');
    expect(await figure('Stored').textContent()).toBe('2');
    expect(await figure('Rejected lines').textContent()).toBe('1');
    const problem = page.getByRole('table', { name: 'Problems (1)' }).locator('tbody tr');
    expect(await problem.locator('td').first().textContent()).toBe('4');
    await expectText(problem, 'quoted field is not closed');
    await expectText(
      page.getByRole('table', { name: 'The last 10 imports, newest first' }).locator('tbody tr'),
      'DONE',
    );
    await screenshot('send-log-imported');
  });
});

async function expectText(
  locator: ReturnType<Page['locator']>,
  text: string,
  timeout = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown =
      (await locator
        .first()
        .textContent({ timeout })
        .catch(() => '')) ?? '';
    if (shown.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`expected "${text}", the page shows "${shown}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
