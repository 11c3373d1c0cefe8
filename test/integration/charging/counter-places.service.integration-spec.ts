import { DataSource } from 'typeorm';
import {
  CounterPlaces,
  type SequencePoint,
} from '../../../src/charging/services/counter-places.service';
import {
  MessageRowReader,
  type MessageRow,
} from '../../../src/charging/services/message-row-reader.service';
import { storeFacts, templateSent, type Sender } from '../../utils/stored-facts.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { PHONE, WABA } from '../../utils/webhook.util';

const SECOND_PHONE: Sender = { phoneNumberId: 'phone-2', wabaId: WABA };
const T1 = 1_000;
const T2 = 2_000;
const T3 = 3_000;

/**
 * Counter G in counter order: the charge instant, then the wamid in binary order ('B' before
 * 'b'), then the row id (the same wamid on two phone numbers). Counter H has one member at T2.
 */
const MEMBERS = [
  { name: 'r1', wamid: 'wamid.a', phone: PHONE, group: 'G', at: T1, place: 1 },
  { name: 'r2', wamid: 'wamid.B', phone: PHONE, group: 'G', at: T2, place: 2 },
  { name: 'r3', wamid: 'wamid.b', phone: PHONE, group: 'G', at: T2, place: 3 },
  { name: 'r4', wamid: 'wamid.b', phone: SECOND_PHONE.phoneNumberId, group: 'G', at: T2, place: 4 },
  { name: 'r5', wamid: 'wamid.c', phone: PHONE, group: 'G', at: T3, place: 5 },
  { name: 'h1', wamid: 'wamid.h', phone: PHONE, group: 'H', at: T2, place: 1 },
] as const;
type MemberName = (typeof MEMBERS)[number]['name'];

describeEachDatabase('CounterPlaces', (kind) => {
  let testApp: TestApp;
  let places: CounterPlaces;
  let dataSource: DataSource;
  const rows = new Map<MemberName, MessageRow>();

  const p = (index: number) => (kind === 'postgres' ? `$${index}` : '?');
  const setPlace = (name: MemberName, place: number | null) =>
    dataSource.query(`UPDATE messages SET sequence_ordinal = ${p(1)} WHERE id = ${p(2)}`, [
      place,
      rows.get(name)!.id,
    ]);
  const pointOf = (name: MemberName): SequencePoint => {
    const row = rows.get(name)!;
    return { at: Number(row.charge_at), wamid: row.wamid, id: row.id };
  };
  const idOf = (name: MemberName) => rows.get(name)!.id;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    places = testApp.app.get(CounterPlaces);
    dataSource = testApp.app.get(DataSource);
    // Stored in this order, so r3's row id is below r4's.
    for (const member of MEMBERS) {
      const from = member.phone === PHONE ? undefined : SECOND_PHONE;
      await storeFacts(
        testApp,
        templateSent(member.wamid, '51911000001', '2026-08-10T10:00:00Z', { from }),
      );
    }
    const stored: { id: number | string; wamid: string; phone_number_id: string }[] =
      await dataSource.query(`SELECT id, wamid, phone_number_id FROM messages`);
    for (const member of MEMBERS) {
      const { id } = stored.find(
        (row) => row.wamid === member.wamid && row.phone_number_id === member.phone,
      )!;
      await dataSource.query(
        `UPDATE messages SET sequence_group = ${p(1)}, charge_at = ${p(2)}, sequence_ordinal = ${p(3)} WHERE id = ${p(4)}`,
        [member.group, member.at, member.place, id],
      );
    }
    const read = await testApp.app
      .get(MessageRowReader)
      .rowsByIds(stored.map((row) => Number(row.id)));
    for (const member of MEMBERS) {
      rows.set(
        member.name,
        read.find((row) => row.wamid === member.wamid && row.phone_number_id === member.phone)!,
      );
    }
    expect(idOf('r3')).toBeLessThan(idOf('r4'));
  });
  beforeEach(async () => {
    for (const member of MEMBERS) await setPlace(member.name, member.place);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('counts the stored members before a point exactly: by instant, then wamid, then row id', async () => {
    const before = (point: SequencePoint) => places.countBefore('G', point, []);
    expect(await before({ at: 0, wamid: '', id: 0 })).toBe(0);
    expect(await before(pointOf('r1'))).toBe(0);
    expect(await before(pointOf('r2'))).toBe(1);
    expect(await before(pointOf('r3'))).toBe(2);
    expect(await before(pointOf('r4'))).toBe(3);
    expect(await before({ ...pointOf('r4'), id: idOf('r4') + 1 })).toBe(4);
    expect(await before(pointOf('r5'))).toBe(4);
    expect(await before({ at: T3 + 1, wamid: '', id: 0 })).toBe(5);
    expect(await places.countBefore('H', pointOf('r5'), [])).toBe(1);
  });

  it('leaves out the members being re-classified that are stored before the point', async () => {
    const reclassified = [rows.get('r2')!, rows.get('r5')!, rows.get('h1')!];
    expect(await places.countBefore('G', pointOf('r4'), reclassified)).toBe(2);
    expect(await places.countBefore('G', pointOf('r2'), reclassified)).toBe(1);
  });

  it('takes the count from the place of the last member before the point', async () => {
    await setPlace('r3', 10);
    expect(await places.countBefore('G', pointOf('r4'), [])).toBe(10);
    expect(await places.countBefore('G', pointOf('r4'), [rows.get('r1')!])).toBe(9);
  });

  it('counts the members when the last one before the point has no place', async () => {
    await setPlace('r2', 9);
    await setPlace('r3', null);
    expect(await places.countBefore('G', pointOf('r4'), [])).toBe(3);
    expect(await places.countBefore('G', pointOf('r4'), [rows.get('r2')!])).toBe(2);
    expect(await places.countBefore('G', pointOf('r4'), [rows.get('r1')!, rows.get('r3')!])).toBe(
      1,
    );
  });

  it('finds the stored members of a counter at or after a point', async () => {
    const from = async (group: string, point: SequencePoint) =>
      (await places.membersFrom(group, point)).sort((a, b) => a - b);
    expect(await from('G', pointOf('r3'))).toEqual([idOf('r3'), idOf('r4'), idOf('r5')]);
    expect(await from('G', pointOf('r4'))).toEqual([idOf('r4'), idOf('r5')]);
    expect(await from('G', { ...pointOf('r2'), id: idOf('r2') + 1 })).toEqual([
      idOf('r3'),
      idOf('r4'),
      idOf('r5'),
    ]);
    expect(await from('G', { at: T3 + 1, wamid: '', id: 0 })).toEqual([]);
    expect(await from('H', { at: 0, wamid: '', id: 0 })).toEqual([idOf('h1')]);
  });
});
