import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { postWebhook, WABA, deliveredMarketing } from '../utils/webhook.util';

type Page = {
  edges: { node: { wamid: string }; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

describeEachDatabase('messages pages of several months and WABAs', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    // Ids alternate between the months, so that a page of both must merge them.
    for (const [index, at] of [
      '2026-10-03T10:00:00Z',
      '2026-11-03T10:00:00Z',
      '2026-10-04T10:00:00Z',
      '2026-11-04T10:00:00Z',
      '2026-10-05T10:00:00Z',
      '2026-12-05T10:00:00Z',
    ].entries()) {
      await postWebhook(testApp, deliveredMarketing(`wamid.lane.${index}`, at));
    }
  });

  afterAll(() => testApp.close());

  const allPages = async (filter: string, first: number): Promise<string[][]> => {
    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: { messages: Page }; errors?: unknown[] } = await testApp.gql<{
        messages: Page;
      }>(
        `query($after: String) { messages(first: ${first}, after: $after, filter: { ${filter} }) { edges { node { wamid } cursor } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page: Page = result.data!.messages;
      pages.push(page.edges.map((edge) => edge.node.wamid));
      if (!page.pageInfo.hasNextPage) return pages;
      after = page.pageInfo.endCursor;
    }
  };

  it("pages a portfolio's or WABA's months in id order, as one query over the months gives", async () => {
    const expected = [
      ['wamid.lane.0', 'wamid.lane.1'],
      ['wamid.lane.2', 'wamid.lane.3'],
      ['wamid.lane.4'],
    ];
    expect(await allPages('months: ["2026-10", "2026-11"]', 2)).toEqual(expected);
    expect(await allPages(`portfolioIds: ["${WABA}"], months: ["2026-10", "2026-11"]`, 2)).toEqual(
      expected,
    );
    expect(await allPages(`wabaIds: ["${WABA}"], months: ["2026-11", "2026-10"]`, 2)).toEqual(
      expected,
    );
    expect(
      await allPages(`wabaIds: ["${WABA}"], months: ["2026-10", "2026-11", "2026-12"]`, 4),
    ).toEqual([
      ['wamid.lane.0', 'wamid.lane.1', 'wamid.lane.2', 'wamid.lane.3'],
      ['wamid.lane.4', 'wamid.lane.5'],
    ]);
  });

  it('narrows the lanes by the other filters, and answers nothing for a WABA outside the portfolio', async () => {
    expect(
      await allPages(
        `wabaIds: ["${WABA}"], months: ["2026-10", "2026-11"], days: ["2026-11-04", "2026-10-05"]`,
        1,
      ),
    ).toEqual([['wamid.lane.3'], ['wamid.lane.4']]);
    expect(
      await allPages(
        `wabaIds: ["${WABA}"], portfolioIds: ["another-portfolio"], months: ["2026-10", "2026-11"]`,
        2,
      ),
    ).toEqual([[]]);
  });
});
