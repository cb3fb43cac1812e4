// Field errors from the shared schemas (client side) or from a 400 (server side), keyed by
// the field's path ("address.areaCode"), first message per field.
import type { FieldIssue, z } from '@doorstep/shared';

export type FieldErrors = Record<string, string>;

export function fieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

/** Parse a form body with its contract schema: the body, or the errors to show. */
export function check<S extends z.ZodMiniType>(schema: S, body: unknown): { body?: z.infer<S>; errors: FieldErrors } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { body: parsed.data, errors: {} };
  return { errors: fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }))) };
}

/** A number typed into a text box, or the text itself so the schema reports it. */
export const numberOrText = (raw: string): number | string => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw);

/** Yuan as typed ("3500", "3500.5") to integer fen, or the text itself so the schema reports it. */
export const yuanToFenOrText = (raw: string): number | string => (/^\d+(\.\d{1,2})?$/.test(raw.trim()) ? Math.round(Number(raw) * 100) : raw);
