import {
  MessageClassifier,
  type Classified,
} from '../../../src/charging/services/message-classifier.service';
import { MessageRowReader } from '../../../src/charging/services/message-row-reader.service';
import {
  customerMessage,
  idsByWamid,
  storeFacts,
  templateSent,
} from '../../utils/stored-facts.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { WABA } from '../../utils/webhook.util';

const CUSTOMER = '51911000001';
const OTHER_CUSTOMER = '51911000002';
const UTILITY_COUNTER = `T|${WABA}|Peru|UTILITY|2026-08`;

const verdicts = (entries: Classified[]) =>
  entries
    .map((entry) => [
      entry.row.wamid,
      entry.classification.estimate.reason,
      entry.classification.sequence?.group ?? null,
    ])
    .sort();

describeEachDatabase('MessageClassifier', (kind) => {
  let testApp: TestApp;
  let classifier: MessageClassifier;
  let rowsOf: (wamids: string[]) => ReturnType<MessageRowReader['rowsByIds']>;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    classifier = testApp.app.get(MessageClassifier);
    await storeFacts(testApp, [
      ...templateSent('wamid.before', CUSTOMER, '2026-08-08T08:00:00Z'),
      customerMessage('wamid.inbound', CUSTOMER, '2026-08-10T10:00:00Z'),
      ...templateSent('wamid.reply', CUSTOMER, '2026-08-10T11:00:00Z'),
      ...templateSent('wamid.next-day', CUSTOMER, '2026-08-11T16:00:00Z'),
      ...templateSent('wamid.elsewhere', OTHER_CUSTOMER, '2026-08-10T11:00:00Z'),
    ]);
    const ids = await idsByWamid(testApp);
    const reader = testApp.app.get(MessageRowReader);
    rowsOf = (wamids) => reader.rowsByIds(wamids.map((wamid) => ids.get(wamid)!));
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('classifies rows together: a customer message opens the window for the reply after it', async () => {
    const rows = await rowsOf(['wamid.inbound', 'wamid.reply', 'wamid.elsewhere']);
    const entries = await classifier.classifyRows(rows, null);
    expect(verdicts(entries)).toEqual([
      ['wamid.elsewhere', 'BILLED', UTILITY_COUNTER],
      ['wamid.inbound', 'FREE_INBOUND', null],
      ['wamid.reply', 'FREE_CUSTOMER_SERVICE_WINDOW', null],
    ]);
    expect(entries.map((entry) => entry.classification.month)).toEqual([
      '2026-08',
      '2026-08',
      '2026-08',
    ]);
    expect(entries.map((entry) => entry.account.portfolioId)).toEqual([WABA, WABA, WABA]);
    // Without the customer's message among the rows, the reply is billed.
    expect(verdicts(await classifier.classifyRows(await rowsOf(['wamid.reply']), null))).toEqual([
      ['wamid.reply', 'BILLED', UTILITY_COUNTER],
    ]);
  });

  it('returns only the rows `keep` accepts, classified with the others', async () => {
    const rows = await rowsOf(['wamid.inbound', 'wamid.reply']);
    expect(
      verdicts(await classifier.classifyRows(rows, (row) => row.wamid === 'wamid.reply')),
    ).toEqual([['wamid.reply', 'FREE_CUSTOMER_SERVICE_WINDOW', null]]);
  });

  it("classifies rows with their conversation's 96 h of context, returning them and the later messages they can change", async () => {
    expect(verdicts(await classifier.classifyWithContext(await rowsOf(['wamid.inbound'])))).toEqual(
      [
        ['wamid.inbound', 'FREE_INBOUND', null],
        ['wamid.next-day', 'BILLED', UTILITY_COUNTER],
        ['wamid.reply', 'FREE_CUSTOMER_SERVICE_WINDOW', null],
      ],
    );
    // The reply alone: the customer's message before it is context, not returned.
    expect(verdicts(await classifier.classifyWithContext(await rowsOf(['wamid.reply'])))).toEqual([
      ['wamid.next-day', 'BILLED', UTILITY_COUNTER],
      ['wamid.reply', 'FREE_CUSTOMER_SERVICE_WINDOW', null],
    ]);
  });
});
