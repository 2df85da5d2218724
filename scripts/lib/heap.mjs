// The page's JS heap, measured from node through the DevTools protocol after forced garbage collections.

/**
 * A function that returns the page's used JS heap in MB after collecting garbage: twice (what the first
 * collection's finalizers and weak callbacks let go is collected by the second), then the least of
 * `reads` readings, each after its own collection, so that a stray allocation between them does not count.
 */
export async function heapMeter(page, { reads = 3 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    let leastBytes = Number.POSITIVE_INFINITY;
    for (let i = 0; i < reads; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      leastBytes = Math.min(leastBytes, (await cdp.send('Runtime.getHeapUsage')).usedSize);
    }
    return leastBytes / 2 ** 20;
  };
}
