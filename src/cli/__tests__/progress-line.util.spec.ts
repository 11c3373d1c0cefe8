import { ProgressLine } from '../progress-line.util';
import { CapturedStream } from '../../../test/utils/captured-cli-io.util';

describe('ProgressLine', () => {
  function clocked(terminal: boolean, enabled = true) {
    let now = 0;
    const stream = new CapturedStream(terminal);
    const line = new ProgressLine(stream, { enabled, now: () => now });
    return { stream, line, advance: (ms: number) => (now += ms) };
  }

  it('prints whole lines to a pipe: the first update at once, then one per 10 s, and the end always', () => {
    const { stream, line, advance } = clocked(false);
    line.update('reading: 1 lines');
    advance(4_000);
    line.update('reading: 2 lines');
    advance(6_000);
    line.update('reading: 3 lines');
    advance(1_000);
    line.update('reading: 4 lines');
    line.done('read 5 lines');
    line.update('re-rating 2026-11: 10 messages');
    expect(stream.text).toBe(
      'reading: 1 lines\nreading: 3 lines\nread 5 lines\nre-rating 2026-11: 10 messages\n',
    );
  });

  it('rewrites one terminal line at most ten times a second and ends it before other output', () => {
    const { stream, line, advance } = clocked(true);
    line.update('a');
    advance(50);
    line.update('b');
    advance(50);
    line.update('c');
    line.interrupt();
    line.done('d');
    expect(stream.text).toBe('\ra\u001b[K\rc\u001b[K\n\rd\u001b[K\n');
  });

  it('prints nothing when disabled (--quiet)', () => {
    const { stream, line } = clocked(false, false);
    line.update('a');
    line.done('b');
    line.interrupt();
    expect(stream.text).toBe('');
  });
});
