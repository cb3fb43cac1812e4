// Money is integer fen (分) everywhere. These helpers exist only for showing and typing yuan.
export function fenToYuanText(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const rest = Math.abs(fen % 100);
  return rest === 0 ? `${yuan}` : `${yuan}.${String(rest).padStart(2, '0')}`;
}

/** Parses what a person typed in yuan ("3500", "3500.5") into fen, or undefined when it is not money. */
export function yuanTextToFen(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return undefined;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
