import * as z from 'zod/mini';

export const errorCodes = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'consent_required',
  'proxy_not_allowed',
  'proxy_revoked',
  'not_found',
  'method_not_allowed',
  'conflict',
  'not_eligible',
  'too_many_requests',
  'upstream_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.optional(z.array(fieldIssueSchema)),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
