import { JsonNumber, parseExactJson } from '../parse-exact-json.util';

describe(parseExactJson.name, () => {
  it('reads what JSON.parse reads, numbers kept as their text', () => {
    const text =
      '{"a":[1,-2.5,3e-2,true,false,null],"b":"x\\"y\\u00e9","c":{},"d":[],"e":0.1000000000000000055511151231257827}';
    const parsed = parseExactJson(text) as Record<string, unknown>;
    expect(parsed.a).toEqual([
      new JsonNumber('1'),
      new JsonNumber('-2.5'),
      new JsonNumber('3e-2'),
      true,
      false,
      null,
    ]);
    expect(parsed.b).toBe('x"yé');
    expect(parsed.e).toEqual(new JsonNumber('0.1000000000000000055511151231257827'));
    expect(Object.keys(parsed.c as object)).toEqual([]);
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const parsed = parseExactJson('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['', 'unexpected character at offset 0'],
    ['{"a":1,}', 'expected a property name at offset 7'],
    ['[1 2]', 'expected "," or "]" at offset 3'],
    ['01', 'unexpected text after the JSON value at offset 1'],
    ['"abc', 'unterminated string at offset 4'],
    ['{"a":1} x', 'unexpected text after the JSON value at offset 8'],
    ['"\u0001"', 'bad string at offset 0'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseExactJson(text)).toThrow(message);
  });
});
