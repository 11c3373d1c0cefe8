import { parseMetaTiersCsv } from '../parse-meta-tiers-csv.util';
import { RateCardImportError } from '../rate-card-import.error';

const GROUPS =
  'Market,Currency,Utility,,,,,Authentication,,,,,"Authentication-\nInternational",,,,';
const SUB_HEADER =
  ',,From,To,Rate type,Rate,vs. List rate,From,To,Rate type,Rate,vs. List rate,From,To,Rate type,Rate,vs. List rate';

// Synthetic rates; the boundaries follow Meta's India examples (0:750000, 25000001:50000000).
const INR_FILE = [
  'WhatsApp Business Platform volume tiers',
  'Effective July 1, 2026',
  '',
  GROUPS, // lines 4-5
  SUB_HEADER,
  'India,INR,0,"25,000,000",List,₹0.1150,--,0,"750,000",List,0.1150,--,1,"750,000",List,2.4971,--',
  ',,"25,000,001","50,000,000",Tier,0.1093,-5%,"750,001","15,000,000",Tier,0.1081,-6%,"750,001",--,Tier,2.3473,-6%',
  ',,"50,000,001",--,Tier,0.1035,-10%,"15,000,001",--,Tier,0.1012,-12%,,,,,',
  'Rest of Africa,INR,n/a,n/a,n/a,n/a,n/a,0,--,List,0.3300,--,n/a,,,,',
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

describe('parseMetaTiersCsv', () => {
  it('parses grouped ladders into normalized bands with Meta labels', () => {
    expect(parseMetaTiersCsv(INR_FILE, 'INR')).toEqual({
      currency: 'INR',
      tiers: {
        India: {
          UTILITY: [
            { from: 0, to: 25000000, rate: '0.115', label: '0:25000000' },
            { from: 25000000, to: 50000000, rate: '0.1093', label: '25000001:50000000' },
            { from: 50000000, to: null, rate: '0.1035', label: '50000001:MAX' },
          ],
          AUTHENTICATION: [
            { from: 0, to: 750000, rate: '0.115', label: '0:750000' },
            { from: 750000, to: 15000000, rate: '0.1081', label: '750001:15000000' },
            { from: 15000000, to: null, rate: '0.1012', label: '15000001:MAX' },
          ],
          AUTHENTICATION_INTERNATIONAL: [
            { from: 0, to: 750000, rate: '2.4971', label: '0:750000' },
            { from: 750000, to: null, rate: '2.3473', label: '750001:MAX' },
          ],
        },
        'Rest of Africa': {
          AUTHENTICATION: [{ from: 0, to: null, rate: '0.33', label: '0:MAX' }],
        },
      },
      lines: { India: 7, 'Rest of Africa': 10 },
    });
  });

  it('accepts a one-row header and bands whose from repeats the previous to', () => {
    const file = [
      'Market,Currency,Utility From,Utility To,Rate type,Rate,vs. List rate',
      'Brazil,BRL,1,1000,list,0.04,--',
      ',,1000,--,tier,0.038,-5%',
    ].join('\n');
    expect(parseMetaTiersCsv(file, 'BRL').tiers).toEqual({
      Brazil: {
        UTILITY: [
          { from: 0, to: 1000, rate: '0.04', label: '0:1000' },
          { from: 1000, to: null, rate: '0.038', label: '1001:MAX' },
        ],
      },
    });
  });

  it('refuses gaps, overlaps and misplaced open bands with their lines', () => {
    const file = [
      'Notes',
      'Market,Currency,Utility,,,,,Authentication,,,,,Authentication-International,,,,',
      SUB_HEADER,
      'India,INR,0,"1,000",List,0.1,--,0,100,List,0.1,--,n/a,,,,', // 4
      ',,"1,002",--,Tier,0.09,-5%,90,200,Tier,0.09,-5%,,,,,', // 5: utility gap, auth overlap
      'Mexico,INR,0,--,List,0.2,--,0,--,List,0.2,--,,,,,', // 6
      ',,1,10,Tier,0.1,-5%,,,,,,,,,,', // 7: after an open band
      ',,11,20,Tier,0.1,-5%,,,,,,,,,,', // 8: last band closed
      'Atlantis,INR,0,--,List,0.2,--,,,,,,,,,,', // 9
      ',,1,--,Tier,abc,-5%,,,,,,,,,,', // 10: continuation of a refused market: ignored
      'Spain,EUR,0,--,List,0.2,--,,,,,,,,,,', // 11
    ].join('\n');
    expect(issuesOf(() => parseMetaTiersCsv(file, 'INR'))).toEqual([
      {
        line: 5,
        message: 'India utility: gap: band starts at 1002 but the previous band ends at 1000',
      },
      {
        line: 5,
        message:
          'India authentication: overlap: band starts at 90 but the previous band ends at 100',
      },
      { line: 5, message: 'India authentication: the last band must be open ("--")' },
      { line: 6, message: 'Mexico utility: only the last band may be open' },
      { line: 8, message: 'Mexico utility: the last band must be open ("--")' },
      { line: 9, message: 'unknown market "Atlantis"' },
      { line: 11, message: 'currency "EUR" does not match expected INR' },
    ]);
  });

  it('refuses bad cells, a continuation row before any market and a duplicate market', () => {
    const file = [
      'Market,Currency,Utility,,,,,Authentication,,,,,Authentication-International,,,,',
      ',,0,--,List,0.1,--,,,,,,,,,,', // 2
      'India,INR,zero,--,List,0.1,--,0,--,List,,--,,,,,', // 3
      'India,INR,0,--,List,0.1,--,,,,,,,,,,', // 4
    ].join('\n');
    expect(issuesOf(() => parseMetaTiersCsv(file, 'INR'))).toEqual([
      { line: 2, message: 'continuation row before any market' },
      { line: 3, message: 'utility: "zero" is not a whole message count' },
      { line: 3, message: 'authentication: band without a rate' },
      { line: 4, message: 'duplicate market "India" (first on line 3)' },
    ]);
  });
});
