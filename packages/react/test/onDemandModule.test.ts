import {describe, expect, it, vi} from 'vitest';
import {onDemandModule} from '../src/output/lazyChunk.js';

describe('onDemandModule (code loaded on demand)', () => {
  it('loads once however often it is asked, and has the module at hand once it arrived', async () => {
    const importModule = vi.fn(() => Promise.resolve({answer: 42}));
    const [load, loaded] = onDemandModule(importModule);
    expect(loaded()).toBeUndefined();
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    expect(loaded()).toBe(first);
    await load();
    expect(importModule).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load, and says it failed until one succeeds', async () => {
    const offline = new Error('Loading chunk 5 failed');
    const importModule = vi.fn().mockRejectedValueOnce(offline).mockResolvedValueOnce({answer: 42});
    const [load, loaded, failed] = onDemandModule<{answer: number}>(importModule);
    expect(failed()).toBe(false);
    await expect(load()).rejects.toBe(offline);
    expect(failed()).toBe(true);
    expect(loaded()).toBeUndefined();
    const retry = load();
    // Still failed while the retry is on its way: a cell that suspended on the first load does not wait again.
    expect(failed()).toBe(true);
    await expect(retry).resolves.toEqual({answer: 42});
    expect(failed()).toBe(false);
    expect(importModule).toHaveBeenCalledTimes(2);
  });

  it('tells its subscribers when the module arrives, not after they unsubscribed', async () => {
    const [load, loaded, , subscribe] = onDemandModule(() => Promise.resolve({answer: 42}));
    const staying = vi.fn(() => expect(loaded()).toEqual({answer: 42}));
    const leaving = vi.fn();
    subscribe(staying);
    subscribe(leaving)();
    await load();
    expect(staying).toHaveBeenCalledTimes(1);
    expect(leaving).not.toHaveBeenCalled();
  });
});
