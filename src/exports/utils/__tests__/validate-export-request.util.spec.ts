import { ExportFormat, ExportKind } from '../../../common/graphql/enums';
import { validateExportRequest } from '../validate-export-request.util';

describe('validateExportRequest', () => {
  const march = { month: '2026-03' };

  it.each([
    [
      'a statement without month',
      { kind: ExportKind.STATEMENT, format: ExportFormat.PDF, wabaId: 'w' },
    ],
    [
      'a statement with both scopes',
      {
        kind: ExportKind.STATEMENT,
        format: ExportFormat.CSV,
        ...march,
        wabaId: 'w',
        portfolioId: 'p',
      },
    ],
    [
      'a statement with a range',
      {
        kind: ExportKind.STATEMENT,
        format: ExportFormat.CSV,
        ...march,
        wabaId: 'w',
        from: new Date(0),
      },
    ],
    ['a PDF of messages', { kind: ExportKind.MESSAGES, format: ExportFormat.PDF, ...march }],
    [
      'both month and range',
      {
        kind: ExportKind.MESSAGES,
        format: ExportFormat.CSV,
        ...march,
        from: new Date(0),
        to: new Date(1),
      },
    ],
    ['half a range', { kind: ExportKind.COST_REPORT, format: ExportFormat.CSV, from: new Date(0) }],
    ['a bad month', { kind: ExportKind.COST_REPORT, format: ExportFormat.CSV, month: '2026-3' }],
  ])('refuses %s', (_, input) => {
    expect(() => validateExportRequest(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });

  it('normalises a valid request', () => {
    expect(
      validateExportRequest({
        kind: ExportKind.STATEMENT,
        format: ExportFormat.XLSX,
        ...march,
        portfolioId: 'p',
        currency: 'eur',
      }),
    ).toEqual({
      kind: ExportKind.STATEMENT,
      format: ExportFormat.XLSX,
      month: '2026-03',
      from: null,
      to: null,
      wabaId: null,
      portfolioId: 'p',
      currency: 'EUR',
    });
  });
});
