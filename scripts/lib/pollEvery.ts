// Runs `tick` every `everyMs` (after the previous one has finished) until stopped; a failing tick
// is reported and the next one runs all the same: the local stand-ins for Lambda's triggers.
export function pollEvery(label: string, everyMs: number, tick: () => Promise<unknown>): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    try {
      await tick();
    } catch (err) {
      console.error(`${label}: ${(err as Error).message}`);
    }
    if (!stopped) timer = setTimeout(loop, everyMs);
  };
  void loop();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
