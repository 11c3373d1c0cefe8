import { compareAppVersions, parseAppVersion } from '../app-version.util';

describe('parseAppVersion', () => {
  it.each([
    ['2.24.17', [2, 24, 17]],
    ['2.24', [2, 24]],
    ['2.24.17.78', [2, 24, 17, 78]],
    ['2.24.017', [2, 24, 17]],
  ])('parses %j', (text, segments) => {
    expect(parseAppVersion(text)).toEqual(segments);
  });

  it.each([
    '',
    ' 2.25.1',
    '2',
    'v2.24.17',
    '2.24.x',
    '2..17',
    '2.24.17.1.1',
    '2.24.17-beta',
    '1234567.1',
  ])('rejects %j', (text) => {
    expect(parseAppVersion(text)).toBeNull();
  });
});

describe('compareAppVersions', () => {
  const min = [2, 24, 17];

  it.each([
    [[2, 24, 16], -1],
    [[2, 24, 17], 0],
    [[2, 24, 17, 0], 0],
    [[2, 24, 17, 1], 1],
    [[2, 25, 1], 1],
    [[2, 3, 99], -1],
    [[2, 100, 0], 1],
    [[3, 0], 1],
  ])('compares %j with 2.24.17 numerically', (version, sign) => {
    expect(Math.sign(compareAppVersions(version, min))).toBe(sign);
  });
});
