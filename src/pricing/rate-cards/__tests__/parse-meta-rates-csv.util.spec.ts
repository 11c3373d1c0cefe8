import { parseMetaRatesCsv } from '../parse-meta-rates-csv.util';
import { RateCardImportError } from '../rate-card-import.error';

const HEADER =
  'Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service';

// Meta's layout: notes lines, then a header whose auth-international cell spans two lines.
const USD_FILE = [
  'WhatsApp Business Platform rate card',
  'Rates effective October 1, 2026 (12:00 AM in your WhatsApp Business Account time zone)',
  '"Rates are per delivered message, shown in the currency of the card"',
  'Markets not listed map to "Other"',
  ',,,,,,',
  HEADER, // lines 6-7
  'North America,$US,0.0250,0.0034,0.0034,n/a,0.0034',
  '"Rest of Central & Eastern Europe",$US,"$0.0860",0.0212,0.0212,,',
  'India,USD,0.0107,0.0014,0.0014,0.0280,n/a',
  '',
  'Other,$US,0.0604,0.0077,0.0077,n/a,0.0077',
].join('\n');

function issuesOf(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(RateCardImportError);
    return (error as RateCardImportError).issues;
  }
  throw new Error('expected the file to be refused');
}

describe('parseMetaRatesCsv', () => {
  it('parses Meta’s layout to exact canonical decimals with row lines', () => {
    expect(parseMetaRatesCsv(USD_FILE, 'usd')).toEqual({
      currency: 'USD',
      rates: {
        'North America': {
          MARKETING: '0.025',
          UTILITY: '0.0034',
          AUTHENTICATION: '0.0034',
          SERVICE: '0.0034',
        },
        'Rest of Central & Eastern Europe': {
          MARKETING: '0.086',
          UTILITY: '0.0212',
          AUTHENTICATION: '0.0212',
        },
        India: {
          MARKETING: '0.0107',
          UTILITY: '0.0014',
          AUTHENTICATION: '0.0014',
          AUTHENTICATION_INTERNATIONAL: '0.028',
        },
        Other: {
          MARKETING: '0.0604',
          UTILITY: '0.0077',
          AUTHENTICATION: '0.0077',
          SERVICE: '0.0077',
        },
      },
      lines: { 'North America': 8, 'Rest of Central & Eastern Europe': 9, India: 10, Other: 12 },
    });
  });

  it('reads thousand separators, currency symbols, CRLF and a plain layout without notes', () => {
    const file = [
      'Market,Currency,Marketing,Utility,Authentication,Authentication International,Service',
      'Indonesia,IDR,"1,940.13","Rp 356.5",356.5,"2,305",',
      'rest of asia  pacific,Rp,"1,234,567.123456",0,0,n/a,n/a',
    ].join('\r\n');
    expect(parseMetaRatesCsv(file, 'IDR').rates).toEqual({
      Indonesia: {
        MARKETING: '1940.13',
        UTILITY: '356.5',
        AUTHENTICATION: '356.5',
        AUTHENTICATION_INTERNATIONAL: '2305',
      },
      'Rest of Asia Pacific': { MARKETING: '1234567.123456', UTILITY: '0', AUTHENTICATION: '0' },
    });
  });

  it('refuses a broken file listing every problem with its physical line', () => {
    const file = [
      'WhatsApp Business Platform rate card',
      'Rates effective October 1, 2026',
      'note 3',
      'note 4',
      'note 5',
      HEADER, // lines 6-7
      'North America,$US,0.025,0.0034,0.0034,n/a,0.0034',
      'India,$US,0.0107,zero,0.0014,0.028,n/a',
      'Mexico,$US,0.0397,0.0085,0.0085,n/a,0.0085',
      'Spain,$US,0.0707,0.02,0.02,n/a,0.02',
      'Atlantis,$US,0.01,0.01,0.01,n/a,0.01',
      'North America,$US,0.025,0.0034,0.0034,n/a,0.0034',
      'Peru,$US,0.0703,0.0300001,-0.03,n/a,0.03',
    ].join('\n');
    expect(issuesOf(() => parseMetaRatesCsv(file, 'USD'))).toEqual([
      { line: 9, message: '"zero" is not a number' },
      { line: 12, message: 'unknown market "Atlantis"' },
      { line: 13, message: 'duplicate market "North America" (first on line 8)' },
      { line: 14, message: 'rate "0.0300001" has more than 6 decimal places' },
      { line: 14, message: 'negative rate "-0.03"' },
    ]);
  });

  it('refuses a currency mismatch, in the currency column or as a value prefix', () => {
    expect(issuesOf(() => parseMetaRatesCsv(USD_FILE, 'EUR'))).toEqual([
      { line: 8, message: 'currency "$US" does not match expected EUR' },
      { line: 9, message: 'currency "$US" does not match expected EUR' },
      { line: 9, message: 'unit "$" in "$0.0860" is not EUR' },
      { line: 10, message: 'currency "USD" does not match expected EUR' },
      { line: 12, message: 'currency "$US" does not match expected EUR' },
    ]);
  });

  it('refuses a file without a header, unknown columns and an invalid expected currency', () => {
    expect(issuesOf(() => parseMetaRatesCsv('India,$US,0.1', 'USD'))).toEqual([
      { line: 0, message: 'no header row starting with "Market"' },
    ]);
    expect(issuesOf(() => parseMetaRatesCsv('Market,Currency,Marketing Lite\n', 'USD'))).toEqual([
      { line: 1, message: 'unknown column "Marketing Lite"' },
      { line: 1, message: 'no rate column in the header' },
    ]);
    expect(issuesOf(() => parseMetaRatesCsv(USD_FILE, 'US'))).toEqual([
      { line: 0, message: 'expected currency "US" is not an ISO 4217 code' },
    ]);
  });

  it('reports malformed CSV instead of throwing a parser error', () => {
    const issues = issuesOf(() => parseMetaRatesCsv(`${HEADER}\n"India,$US,0.1`, 'USD'));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/^malformed CSV/);
  });
});
