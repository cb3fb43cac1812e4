// One contract per endpoint: the Lambda wrapper validates with it, the mini-program's API
// service parses responses with it, and /openapi.json is generated from it.
import * as z from 'zod/mini';
// For its side effect: zod's messages in Chinese (zh-CN and our plainer words) wherever a contract
// is defined. Bundlers keep this bare import of a module marked with side effects, and every
// contract file reaches it through defineContract (the files import zod itself, as a namespace,
// so that only what they use is bundled).
import '../zod';
import type { ConsentPurpose } from '../domain/privacy';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Role = 'jobseeker' | 'employer' | 'provider' | 'staff' | 'finance' | 'admin';

export interface Contract<
  Body extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Query extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Response extends z.ZodMiniType = z.ZodMiniType,
  Params extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
> {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  /** `public`: no token; `user`: any signed-in user; a role list: one of those roles. */
  auth: 'public' | 'user' | readonly Role[];
  /**
   * The consents the signed-in person must hold for the guide now in force before this route
   * may store what it is sent (`privacy`, and a separate consent for a sensitive item). Without
   * them: 403 `consent_required`, naming them, and nothing stored.
   */
  consents?: readonly ConsentPurpose[];
  /**
   * A family member acting for the person (亲情代办, a proxy session) may call this route; the
   * words are what both of them read in 代办记录 ("领取就业券"). Any other signed-in route answers
   * a proxy session with 403: it stays the person's own.
   */
  proxy?: string;
  body?: Body;
  query?: Query;
  /** Path parameters, named as in `path` (`/employers/{id}`). */
  params?: Params;
  response: Response;
  successStatus?: number;
  /** A file download: the response is `{ fileName, content }`, sent as the file itself. */
  produces?: 'text/csv';
  /** Error statuses this endpoint may answer, for the OpenAPI document. */
  errors: readonly number[];
}

export function defineContract<
  Body extends z.ZodMiniType | undefined = undefined,
  Query extends z.ZodMiniType | undefined = undefined,
  Response extends z.ZodMiniType = z.ZodMiniType,
  Params extends z.ZodMiniType | undefined = undefined,
>(contract: Contract<Body, Query, Response, Params>): Contract<Body, Query, Response, Params> {
  return contract;
}

export type BodyOf<C> = C extends Contract<infer B, z.ZodMiniType | undefined, z.ZodMiniType>
  ? B extends z.ZodMiniType
    ? z.infer<B>
    : undefined
  : never;
export type QueryOf<C> = C extends Contract<z.ZodMiniType | undefined, infer Q, z.ZodMiniType>
  ? Q extends z.ZodMiniType
    ? z.infer<Q>
    : undefined
  : never;
export type ParamsOf<C> = C extends Contract<z.ZodMiniType | undefined, z.ZodMiniType | undefined, z.ZodMiniType, infer P>
  ? P extends z.ZodMiniType
    ? z.infer<P>
    : undefined
  : never;
export type ResponseOf<C> = C extends Contract<z.ZodMiniType | undefined, z.ZodMiniType | undefined, infer R>
  ? z.infer<R>
  : never;

/** Record ids are ULIDs: 26 characters of Crockford's base 32. */
export const ulidSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不对'));

/** A referral letter's verification code (推荐介绍信核验码): 8 of Crockford's base-32 letters. */
export const referralCodeSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{8}$/, '核验码是8位字母或数字'));
