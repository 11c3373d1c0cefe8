import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCsvTable } from '../csv-table.writer';
import { DecimalCell } from '../table.types';

describe('writeCsvTable', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'csv-writer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('neutralises formula-looking text but never touches numbers or negative amounts', async () => {
    const path = join(dir, 'injection.csv');
    await writeCsvTable(path, {
      columns: [{ header: 'text' }, { header: 'amount' }, { header: 'count' }],
      rows: [
        ['=1+2', new DecimalCell('-12.5', '0.00'), -3],
        ['+44 20 7946 0958', new DecimalCell('-0.000001', '0.00'), 0],
        ['-2+3', new DecimalCell('0.0625', '0.00'), 1],
        ['@SUM(A1:A2)', null, null],
        ['\tcmd', new DecimalCell('1', '0.00'), 2],
        ['plain, with "quotes"\nand a line break', new DecimalCell('3', '0.00'), true],
      ],
    });
    expect(readFileSync(path, 'utf8')).toBe(
      '\uFEFFtext,amount,count\r\n' +
        "'=1+2,-12.5,-3\r\n" +
        "'+44 20 7946 0958,-0.000001,0\r\n" +
        "'-2+3,0.0625,1\r\n" +
        "'@SUM(A1:A2),,\r\n" +
        "'\tcmd,1,2\r\n" +
        '"plain, with ""quotes""\nand a line break",3,true\r\n',
    );
  });

  it('streams rows from an async source', async () => {
    const path = join(dir, 'stream.csv');
    async function* rows() {
      for (let index = 0; index < 20_000; index += 1) {
        if (index % 5000 === 0) await new Promise(setImmediate);
        yield [`row ${index}`, index];
      }
    }
    await writeCsvTable(path, { columns: [{ header: 'name' }, { header: 'n' }], rows: rows() });
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines).toHaveLength(20_002);
    expect(lines[20_000]).toBe('row 19999,19999');
  });
});
