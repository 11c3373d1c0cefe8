import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { BulkImportService } from '../../src/ingestion/services/bulk-import.service';
import { DomainError } from '../../src/common/errors/domain.error';
import { useScratchDirectory } from '../utils/scratch-files.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { inbound, PHONE, postWebhook, status } from '../utils/webhook.util';

const HEADER =
  'wamid,phone_number_id,to,sent_at,template_name,template_language,template_category,api';

describeEachDatabase('import files: bad lines never stop good ones', (kind) => {
  let testApp: TestApp;
  const scratch = useScratchDirectory('import-files-');

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    // The phone number must be known for send records.
    await postWebhook(testApp, inbound('wamid.known', '447700900123', '2026-08-01T09:00:00Z'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  const stored = async (prefix: string): Promise<string[]> =>
    (
      (await testApp.app
        .get(DataSource)
        .query(`SELECT wamid FROM messages WHERE wamid LIKE '${prefix}%' ORDER BY wamid`)) as {
        wamid: string;
      }[]
    ).map((row) => row.wamid);
  const row = (wamid: string, templateName = 'order_update') =>
    `${wamid},${PHONE},447700900123,2026-08-02T10:00:00Z,${templateName},en,UTILITY,CLOUD_API`;

  it('reads a send log past an unterminated quote and binary content, reporting their lines', async () => {
    const path = scratch.path('send-log.csv');
    const lines = [
      HEADER,
      row('wamid.csv-1'),
      `wamid.csv-2,${PHONE},447700900123,2026-08-02T10:00:00Z,"order, update,en,UTILITY,CLOUD_API`,
      row('wamid.csv-3'),
      `wamid.csv-4,${PHONE},\u0000\u0001\u0002binary,2026-08-02T10:00:00Z,x,en,UTILITY,CLOUD_API`,
      '',
      row('wamid.csv-5', '"order, update"'),
      row('wamid.csv-6', 't'.repeat(513)),
      row('wamid.csv-7'),
    ];
    writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
    const binary = Buffer.concat([
      Buffer.from(`${row('wamid.csv-8')}\n`),
      Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x2c, 0x0a]),
      Buffer.from(`${row('wamid.csv-9')}\n`),
    ]);
    writeFileSync(path, binary, { flag: 'a' });
    const summary = await testApp.app.get(BulkImportService).importFile(path);
    expect(summary.rejected).toEqual([
      {
        line: 3,
        message: 'a quoted field is not closed on its line (fields cannot span lines)',
      },
      {
        line: 5,
        message: 'binary content (a NUL byte or bytes that are not UTF-8), not a CSV line',
      },
      {
        line: 11,
        message: 'binary content (a NUL byte or bytes that are not UTF-8), not a CSV line',
      },
      { line: 8, message: 'templateName is 513 characters long; at most 512 are accepted' },
    ]);
    expect(summary).toMatchObject({ format: 'csv', linesRead: 10, stored: 6 });
    expect(await stored('wamid.csv-')).toEqual([
      'wamid.csv-1',
      'wamid.csv-3',
      'wamid.csv-5',
      'wamid.csv-7',
      'wamid.csv-8',
      'wamid.csv-9',
    ]);
    const names: { template_name: string }[] = await testApp.app
      .get(DataSource)
      .query(`SELECT template_name FROM messages WHERE wamid = 'wamid.csv-5'`);
    expect(names).toEqual([{ template_name: 'order, update' }]);
  });

  it('refuses a send log whose header lacks the needed columns, naming the line', async () => {
    const path = scratch.path('no-header.csv');
    writeFileSync(path, `${row('wamid.nh-1')}\n`);
    const refusal = await testApp.app
      .get(BulkImportService)
      .importFile(path)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'IMPORT_INVALID',
      message: `the send log's header (line 1) must name the columns wamid,phone_number_id,to,sent_at (and optionally template_name, template_language, template_category, api)`,
    });
    expect((refusal as DomainError).details.at(-1)).toEqual({
      line: 1,
      message: 'missing columns wamid, phone_number_id, to, sent_at',
    });
    expect(await stored('wamid.nh-')).toEqual([]);
  });

  it('keeps the first line of a JSONL file that starts with a byte-order mark', async () => {
    const path = scratch.path('bom.jsonl');
    const lines = [
      JSON.stringify(inbound('wamid.bom-1', '447700900124', '2026-08-05T09:00:00Z')),
      JSON.stringify(
        status('wamid.bom-2', '447700900124', 'delivered', '2026-08-05T09:05:00Z', {
          billable: true,
          category: 'utility',
          type: 'regular',
        }),
      ),
    ];
    writeFileSync(path, `\uFEFF${lines.join('\n')}\n`);
    const summary = await testApp.app.get(BulkImportService).importFile(path);
    expect(summary).toMatchObject({ format: 'jsonl', linesRead: 2, stored: 2, rejected: [] });
    expect(await stored('wamid.bom-')).toEqual(['wamid.bom-1', 'wamid.bom-2']);
  });

  it('reports a webhook line with a NUL character or an oversized wamid, and stores the rest', async () => {
    const path = scratch.path('nul.jsonl');
    const lines = [
      JSON.stringify(inbound('wamid.nul-1', '447700900125', '2026-08-06T09:00:00Z')),
      JSON.stringify(inbound('wamid.nul-\u00002', '447700900125', '2026-08-06T09:01:00Z')),
      JSON.stringify(
        inbound(`wamid.nul-${'x'.repeat(250)}`, '447700900125', '2026-08-06T09:02:00Z'),
      ),
      JSON.stringify(inbound('wamid.nul-4', '447700900125', '2026-08-06T09:03:00Z')),
    ];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const summary = await testApp.app.get(BulkImportService).importFile(path);
    expect(summary.rejected).toEqual([
      {
        line: 2,
        message: 'entry[0].changes[0].value.messages[0]: id contains a NUL byte',
      },
      {
        line: 3,
        message: 'entry[0].changes[0].value.messages[0]: id is longer than 255 characters',
      },
    ]);
    expect(await stored('wamid.nul-')).toEqual(['wamid.nul-1', 'wamid.nul-4']);
  });
});
