// Every page of a query, for the few reads that need all of a partition (a batch's chunks, a
// programme's queue for reconciliation): `run` is given where to start and returns one page.
export async function queryAll<T>(run: (start?: Record<string, unknown>) => Promise<{ Items?: T[]; LastEvaluatedKey?: Record<string, unknown> }>): Promise<T[]> {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await run(start);
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
