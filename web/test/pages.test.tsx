import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  MESSAGES,
  OVERVIEW,
  OVERVIEW_BY_DAY,
  RATE_CARDS,
  RECONCILIATION,
  STATEMENT,
} from './fixtures';
import { renderApp, WABA } from './render-app';

const SCOPE = `?month=2026-11&waba=${WABA}`;
const NO_ACCOUNT = { Scopes: { data: { wabas: [], portfolios: [] } } };

describe('Sign in', () => {
  it('asks for a key when none is kept', async () => {
    renderApp('/', {}, null);
    expect(await screen.findByLabelText('API key')).toBeTruthy();
  });

  it('says clearly that a wrong key is not valid', async () => {
    renderApp(
      '/',
      { CurrentApiKey: { error: 'unknown or revoked API key', code: 'UNAUTHENTICATED' } },
      null,
    );
    fireEvent.change(await screen.findByLabelText('API key'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This API key is not valid');
    expect(sessionStorage.getItem('whatsapp-billing.api-key')).toBeNull();
  });

  it('keeps no key whose check failed for another reason than the key (the service down)', async () => {
    renderApp('/', { CurrentApiKey: { error: 'database unavailable', code: 'INTERNAL' } }, null);
    fireEvent.change(await screen.findByLabelText('API key'), { target: { value: 'maybe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(sessionStorage.getItem('whatsapp-billing.api-key')).toBeNull();
  });

  it('keeps a good key for the tab and shows the role', async () => {
    renderApp('/', { OverviewByDay: 'never', Overview: 'never' }, null);
    fireEvent.change(await screen.findByLabelText('API key'), { target: { value: 'good-key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/finance desk \(finance, read only\)/)).toBeTruthy();
    expect(sessionStorage.getItem('whatsapp-billing.api-key')).toBe('good-key');
  });
});

describe('Overview', () => {
  it('shows loading', async () => {
    renderApp(`/${SCOPE}`, { OverviewByDay: 'never', Overview: 'never' });
    expect(await screen.findByText('Loading…')).toBeTruthy();
  });

  it('shows an error', async () => {
    renderApp(`/${SCOPE}`, {
      OverviewByDay: { data: OVERVIEW_BY_DAY },
      Overview: { error: 'the database is down' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('the database is down');
  });

  it('says when there is no account yet', async () => {
    renderApp('/?month=2026-11', NO_ACCOUNT);
    expect((await screen.findByText(/No WhatsApp Business account yet/)).textContent).toContain(
      'npm run demo',
    );
  });

  it('says when the month has no message', async () => {
    renderApp(`/${SCOPE}`, {
      OverviewByDay: { data: { byDay: { rows: [] } } },
      Overview: { data: OVERVIEW },
    });
    expect(await screen.findByText('No messages in 2026-11.')).toBeTruthy();
  });

  it('shows the exact and rounded totals, last month, free reasons, savings and markets', async () => {
    const calls = renderApp(`/${SCOPE}`, {
      OverviewByDay: { data: OVERVIEW_BY_DAY },
      Overview: { data: OVERVIEW },
    });
    expect((await screen.findByTestId('total-rounded')).textContent).toBe('$26.19');
    expect(screen.getByTestId('total-exact').textContent).toBe('$26.1897');
    expect(screen.getByText('$12.35')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Free: sent from the WhatsApp Business app' }),
    ).toBeTruthy();
    expect(screen.getByTestId('business-app-savings').textContent).toContain('$1.648');
    expect(screen.getByRole('link', { name: 'Mexico' }).getAttribute('href')).toContain(
      'market=Mexico',
    );
    const overview = calls.find((call) => call.operation === 'Overview')!;
    expect(overview.variables.statement).toEqual({ month: '2026-11', wabaId: WABA });
    expect(overview.variables.previous).toEqual({ month: '2026-10', wabaId: WABA });
  });
});

describe('Statement', () => {
  it('shows loading', async () => {
    renderApp(`/statement${SCOPE}`, { StatementPage: 'never' });
    expect(await screen.findByText('Loading…')).toBeTruthy();
  });

  it('shows an error', async () => {
    renderApp(`/statement${SCOPE}`, {
      StatementPage: { error: 'unknown WABA "x"', code: 'NOT_FOUND' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('unknown WABA');
  });

  it('asks for an account when there is none', async () => {
    renderApp('/statement?month=2026-11', NO_ACCOUNT);
    expect(await screen.findByText('Choose a WABA or portfolio.')).toBeTruthy();
  });

  it('shows the statement as on the PDF with its downloads', async () => {
    renderApp(`/statement${SCOPE}`, { StatementPage: { data: STATEMENT } });
    expect((await screen.findByTestId('statement-number')).textContent).toBe(
      `ST-W-${WABA}-2026-11-USD`,
    );
    expect(screen.getByTestId('statement-exact-total').textContent).toBe('$6.8933');
    expect(screen.getByTestId('statement-total').textContent).toBe('$6.89');
    // Each money column shows the decimals its most precise value needs, as the PDF does.
    const northAmerica = screen.getByRole('row', { name: /North America/ });
    expect(northAmerica.textContent).toContain('$0.0250');
    expect(northAmerica.textContent).toContain('$0.5000');
    expect(screen.getByText('Tier 1–750,000')).toBeTruthy();
    expect(screen.getByText(/It is not Meta's invoice/)).toBeTruthy();
    for (const format of ['CSV', 'XLSX', 'PDF']) {
      expect(screen.getByRole('button', { name: `Download ${format}` })).toBeTruthy();
    }
  });

  it('downloads through the signed link the export answers', async () => {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.getAttribute('href')!);
    });
    const calls = renderApp(`/statement${SCOPE}`, {
      StatementPage: { data: STATEMENT },
      CreateExport: { data: { createExport: { id: 'e1', status: 'PENDING' } } },
      ExportStatus: {
        data: {
          export: {
            id: 'e1',
            status: 'DONE',
            fileName: 'statement.csv',
            error: null,
            downloadUrl: '/exports/e1/file?expires=1&signature=ab',
          },
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('Downloaded statement.csv.')).toBeTruthy();
    expect(clicked).toEqual(['/exports/e1/file?expires=1&signature=ab']);
    expect(calls.find((call) => call.operation === 'CreateExport')!.variables.input).toEqual({
      kind: 'STATEMENT',
      month: '2026-11',
      wabaId: WABA,
      format: 'CSV',
    });
  });
});

describe('Messages', () => {
  it('shows loading', async () => {
    renderApp(`/messages${SCOPE}`, { MessagesPage: 'never' });
    expect(await screen.findByText('Loading…')).toBeTruthy();
  });

  it('shows an error', async () => {
    renderApp(`/messages${SCOPE}`, { MessagesPage: { error: 'first must be 1 to 200' } });
    expect((await screen.findByRole('alert')).textContent).toContain('first must be');
  });

  it('says when no message matches', async () => {
    renderApp(`/messages${SCOPE}&market=Atlantis`, {
      MessagesPage: {
        data: { messages: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
      },
    });
    expect(await screen.findByText('No message matches these filters.')).toBeTruthy();
  });

  it("lists charges with explanation, tier and Meta's differing verdict, filtered by the address", async () => {
    const calls = renderApp(`/messages${SCOPE}&market=Mexico&reason=BILLED`, {
      MessagesPage: { data: MESSAGES },
    });
    expect(await screen.findByText('wamid.one')).toBeTruthy();
    expect(
      screen.getByText('a marketing template delivered to Mexico, billed at the card rate'),
    ).toBeTruthy();
    expect(
      screen.getByText(/Meta's verdict: Billed \(Utility\); our estimate was Billed \(Marketing\)/),
    ).toBeTruthy();
    expect(screen.getByText('Tier 1–750,000')).toBeTruthy();
    const filter = calls.find((call) => call.operation === 'MessagesPage')!.variables
      .filter as Record<string, unknown>;
    expect(filter).toMatchObject({
      months: ['2026-11'],
      wabaIds: [WABA],
      markets: ['Mexico'],
      reasons: ['BILLED'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(
        calls.filter((call) => call.operation === 'MessagesPage').at(-1)!.variables.after,
      ).toBe('c2'),
    );
  });
});

describe('Reconciliation', () => {
  it('shows loading', async () => {
    renderApp(`/reconciliation${SCOPE}`, { ReconciliationPage: 'never' });
    expect(await screen.findByText('Loading…')).toBeTruthy();
  });

  it('shows an error', async () => {
    renderApp(`/reconciliation${SCOPE}`, {
      ReconciliationPage: { error: 'a range is at most 400 days' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('400 days');
  });

  it('says when every verdict agrees', async () => {
    renderApp(`/reconciliation${SCOPE}`, {
      ReconciliationPage: {
        data: {
          reconciliation: {
            ...RECONCILIATION.reconciliation,
            totalCount: 0,
            groups: [],
            edges: [],
          },
        },
      },
    });
    expect(await screen.findByText("Meta's verdicts agree with our estimates.")).toBeTruthy();
  });

  it('groups the differences and links each message', async () => {
    renderApp(`/reconciliation${SCOPE}`, { ReconciliationPage: { data: RECONCILIATION } });
    expect((await screen.findAllByText('The pricing category differs')).length).toBe(2);
    expect(screen.getByRole('link', { name: 'wamid.two' }).getAttribute('href')).toContain(
      'wamid=wamid.two',
    );
  });
});

describe('Simulations', () => {
  it('shows no saved scenario, the forecast, and runs a scenario against the recorded month', async () => {
    const calls = renderApp(`/simulations${SCOPE}`, {
      Simulate: {
        data: {
          simulate: {
            baseline: 'As recorded',
            scenarios: [
              {
                name: 'As recorded',
                currency: 'USD',
                messages: 10,
                billableMessages: 5,
                freeMessages: 5,
                unpricedMessages: 0,
                total: '26.1897',
                roundedTotal: '26.19',
                deltaFromBaseline: '0',
                assumptions: [],
              },
              {
                name: 'What if',
                currency: 'USD',
                messages: 11,
                billableMessages: 6,
                freeMessages: 5,
                unpricedMessages: 0,
                total: '28.80867',
                roundedTotal: '28.81',
                deltaFromBaseline: '2.61897',
                assumptions: [],
              },
            ],
          },
        },
      },
    });
    expect(await screen.findByText('No saved scenario yet.')).toBeTruthy();
    expect((await screen.findByTestId('forecast')).textContent).toContain('$30.12');
    fireEvent.change(screen.getByLabelText('Growth per month (%)'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect((await screen.findByTestId('simulation-result')).textContent).toContain('$2.61897');
    const input = calls.find((call) => call.operation === 'Simulate')!.variables.input as {
      scenarios: unknown[];
    };
    expect(input.scenarios).toEqual([
      { name: 'As recorded', fromWabaId: WABA, fromMonth: '2026-11' },
      { name: 'What if', fromWabaId: WABA, fromMonth: '2026-11', growthPercent: '10' },
    ]);
    expect(screen.queryByRole('button', { name: 'Save scenario' })).toBeNull();
  });

  it('shows a failed simulation and saved scenarios', async () => {
    renderApp(`/simulations${SCOPE}`, {
      Simulate: { error: 'growthPercent must be at most 1000' },
      SavedScenarios: {
        data: {
          savedScenarios: [
            { name: 'Q4 plan', scenario: '{}', updatedAt: '2026-11-30T00:00:00.000Z' },
          ],
        },
      },
    });
    expect(await screen.findByRole('button', { name: 'Run Q4 plan' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('at most 1000');
  });

  it('runs a saved scenario', async () => {
    const calls = renderApp(`/simulations${SCOPE}`, {
      SavedScenarios: {
        data: {
          savedScenarios: [
            { name: 'Q4 plan', scenario: '{}', updatedAt: '2026-11-30T00:00:00.000Z' },
          ],
        },
      },
      RunSavedScenarios: {
        data: {
          runSavedScenarios: {
            baseline: null,
            scenarios: [
              {
                name: 'Q4 plan',
                currency: 'USD',
                messages: 3,
                billableMessages: 3,
                freeMessages: 0,
                unpricedMessages: 0,
                total: '0.1191',
                roundedTotal: '0.12',
                deltaFromBaseline: null,
                assumptions: [],
              },
            ],
          },
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Run Q4 plan' }));
    expect((await screen.findByTestId('simulation-result')).textContent).toContain('$0.1191');
    expect(calls.find((call) => call.operation === 'RunSavedScenarios')!.variables).toEqual({
      names: ['Q4 plan'],
    });
  });
});

describe('Coexistence planner', () => {
  it('shows eligibility and the campaign time at 20 messages/s', async () => {
    renderApp(`/coexistence${SCOPE}`, {
      Eligibility: {
        data: {
          coexistenceEligibility: {
            eligible: true,
            country: 'US',
            throughputCoexistence: 20,
            throughputStandard: 80,
            campaignMinutesAtCoexistence: '8.34',
            campaignMinutesStandard: '2.09',
            campaignFitsWindowAtCoexistence: true,
            campaignFitsWindowStandard: true,
            blockers: [],
            warnings: [{ code: 'X', message: 'open the app every 14 days' }],
          },
        },
      },
    });
    fireEvent.change(await screen.findByLabelText('Phone number (with country code)'), {
      target: { value: '+1 212 664 7665' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check eligibility' }));
    const result = await screen.findByTestId('eligibility');
    expect(result.textContent).toContain('Eligible for coexistence');
    expect(result.textContent).toContain('at 20 messages/s (coexistence): 8.34 minutes');
    expect(result.textContent).toContain('open the app every 14 days');
  });

  it('shows a refusal', async () => {
    renderApp(`/coexistence${SCOPE}`, {
      Eligibility: { error: 'phoneNumber is not a valid number' },
    });
    fireEvent.change(await screen.findByLabelText('Phone number (with country code)'), {
      target: { value: '12' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check eligibility' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not a valid number');
  });
});

describe('Rate cards', () => {
  it('shows loading', async () => {
    renderApp(`/rate-cards${SCOPE}`, { RateCardsPage: 'never' });
    expect(await screen.findByText('Loading…')).toBeTruthy();
  });

  it('shows an error', async () => {
    renderApp(`/rate-cards${SCOPE}`, { RateCardsPage: { error: 'date must be YYYY-MM-DD' } });
    expect((await screen.findByRole('alert')).textContent).toContain('YYYY-MM-DD');
  });

  it('says when no card is stored', async () => {
    renderApp(`/rate-cards${SCOPE}`, {
      RateCardsPage: {
        data: {
          rateCards: [],
          rateCardCoverage: { pricedMarkets: 0, rateCard: null, unpriced: [] },
        },
      },
    });
    expect(await screen.findByText('No rate card stored.')).toBeTruthy();
  });

  it('shows the card in force, its provenance and unpriced markets; a finance key cannot import', async () => {
    renderApp(`/rate-cards${SCOPE}`, { RateCardsPage: { data: RATE_CARDS } });
    expect((await screen.findByTestId('card-in-force')).textContent).toContain("Meta's rate card");
    expect(screen.getByRole('list', { name: 'Unpriced markets' }).textContent).toContain(
      'India: Service',
    );
    expect(screen.getByText('Importing a card needs an OPERATOR key.')).toBeTruthy();
  });

  it('lets an operator key import a CSV', async () => {
    renderApp(`/rate-cards${SCOPE}`, {
      CurrentApiKey: { data: { currentApiKey: { id: '2', name: 'ops', role: 'OPERATOR' } } },
      RateCardsPage: { data: RATE_CARDS },
    });
    expect(await screen.findByRole('form', { name: 'Import a rate card' })).toBeTruthy();
  });

  it('says so when the card is stored but its re-rate failed, instead of claiming the totals use it', async () => {
    renderApp(`/rate-cards${SCOPE}`, {
      CurrentApiKey: { data: { currentApiKey: { id: '2', name: 'ops', role: 'OPERATOR' } } },
      RateCardsPage: { data: RATE_CARDS },
      ImportRateCard: {
        data: {
          importRateCard: {
            id: '9',
            name: 'December card',
            repriceJob: { id: 'j1', status: 'QUEUED' },
          },
        },
      },
      JobStatus: { data: { job: { id: 'j1', status: 'FAILED', error: 'database gone' } } },
    });
    const form = await screen.findByRole('form', { name: 'Import a rate card' });
    // jsdom's File has no text(): the page reads the CSV with it.
    const ratesFile = Object.assign(new File(['Market,Marketing\n'], 'rates.csv'), {
      text: () => Promise.resolve('Market,Marketing\n'),
    });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'December card' } });
    fireEvent.change(within(form).getByLabelText('Rates CSV'), {
      target: { files: [ratesFile] },
    });
    // (jsdom's constraint check does not see a file set this way: the form is submitted directly.)
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Imported "December card", but re-rating the messages it prices failed (database gone): the totals do not use it yet; run a reprice of its months.',
    );
  });
});

describe('GraphQL explorer', () => {
  it('shows a loading line while its own chunk loads', async () => {
    renderApp(`/explorer${SCOPE}`, {});
    expect(await screen.findByText('Loading the explorer…')).toBeTruthy();
  });
});
