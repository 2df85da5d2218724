// The page's JS heap, measured from node through the DevTools protocol after a forced garbage collection.

/** A function that returns the page's used JS heap in MB after collecting garbage. */
export async function heapMeter(page) {
  const cdp = await page.context().newCDPSession(page);
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
}
