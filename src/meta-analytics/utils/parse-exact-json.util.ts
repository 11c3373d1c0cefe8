/** A JSON number kept as its text, so that a cost such as 4.6 never passes through a JS number. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type ExactJson = null | boolean | string | JsonNumber | ExactJson[] | ExactJsonObject;
export interface ExactJsonObject {
  [key: string]: ExactJson;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 64;

/**
 * JSON.parse, except that numbers are returned as JsonNumber (their exact text). Strict RFC 8259:
 * anything else JSON.parse would refuse is refused with the offset of the problem. Objects have no
 * prototype, so a key such as "__proto__" is an ordinary key.
 */
export function parseExactJson(text: string): ExactJson {
  let position = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${position}`);
  };
  const skipSpace = () => {
    while (position < text.length && ' \t\n\r'.includes(text[position])) position += 1;
  };
  const readString = (): string => {
    // The string's JSON text, decoded by JSON.parse itself (escapes, surrogates, control characters).
    const start = position;
    position += 1;
    while (position < text.length && text[position] !== '"') {
      position += text[position] === '\\' ? 2 : 1;
    }
    if (position >= text.length) fail('unterminated string');
    position += 1;
    try {
      return JSON.parse(text.slice(start, position)) as string;
    } catch {
      position = start;
      return fail('bad string');
    }
  };
  const readValue = (depth: number): ExactJson => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipSpace();
    const char = text[position];
    if (char === '{') {
      position += 1;
      const object = Object.create(null) as ExactJsonObject;
      skipSpace();
      if (text[position] === '}') {
        position += 1;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[position] !== '"') fail('expected a property name');
        const key = readString();
        skipSpace();
        if (text[position] !== ':') fail('expected ":"');
        position += 1;
        object[key] = readValue(depth + 1);
        skipSpace();
        if (text[position] === ',') {
          position += 1;
          continue;
        }
        if (text[position] === '}') {
          position += 1;
          return object;
        }
        fail('expected "," or "}"');
      }
    }
    if (char === '[') {
      position += 1;
      const array: ExactJson[] = [];
      skipSpace();
      if (text[position] === ']') {
        position += 1;
        return array;
      }
      for (;;) {
        array.push(readValue(depth + 1));
        skipSpace();
        if (text[position] === ',') {
          position += 1;
          continue;
        }
        if (text[position] === ']') {
          position += 1;
          return array;
        }
        fail('expected "," or "]"');
      }
    }
    if (char === '"') return readString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, position)) {
        position += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = position;
    const match = NUMBER.exec(text);
    if (match === null) return fail('unexpected character');
    position += match[0].length;
    return new JsonNumber(match[0]);
  };
  const value = readValue(0);
  skipSpace();
  if (position !== text.length) fail('unexpected text after the JSON value');
  return value;
}
