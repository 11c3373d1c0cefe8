import { statementNumber } from '../statement.service';

describe(statementNumber.name, () => {
  it('keeps the number of revision 1 and adds -R<n> from revision 2', () => {
    expect(statementNumber({ month: '2026-03', wabaId: '123' }, 'p', 'USD')).toBe(
      'ST-W-123-2026-03-USD',
    );
    expect(statementNumber({ month: '2026-03', wabaId: '123', revision: 1 }, 'p', 'USD')).toBe(
      'ST-W-123-2026-03-USD',
    );
    expect(statementNumber({ month: '2026-03', wabaId: null, revision: 3 }, 'p9', 'EUR')).toBe(
      'ST-P-p9-2026-03-EUR-R3',
    );
  });
});
