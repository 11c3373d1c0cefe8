import { exitWithParent } from '../exit-with-parent.util';

describe('exitWithParent', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('calls back once when the parent process id changes, not before', () => {
    let parent = 4242;
    const gone = jest.fn();
    exitWithParent(gone, { intervalMs: 500, parentId: () => parent });
    jest.advanceTimersByTime(2_000);
    expect(gone).not.toHaveBeenCalled();
    parent = 1;
    jest.advanceTimersByTime(500);
    expect(gone).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(5_000);
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('stops watching when asked', () => {
    let parent = 4242;
    const gone = jest.fn();
    const watch = exitWithParent(gone, { intervalMs: 500, parentId: () => parent });
    watch.stop();
    parent = 1;
    jest.advanceTimersByTime(5_000);
    expect(gone).not.toHaveBeenCalled();
  });
});
