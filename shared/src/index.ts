// First, for its side effect: zod's messages in Chinese (zh-CN and plainer words) wherever the
// shared package is used. A bare import, so bundlers keep it although the files below import
// zod itself (as a namespace, so that only what they use is bundled).
import './zod';
export { z } from './zod';
export * from './domain/idNumber';
export * from './domain/phone';
export * from './domain/areas';
export * from './domain/eligibility';
export * from './domain/money';
export * from './domain/uscc';
export * from './domain/jurisdiction';
export * from './domain/registration';
export * from './domain/employer';
export * from './domain/personRules';
export * from './domain/geo';
export * from './domain/calendar';
export * from './domain/discrimination';
export * from './domain/matching';
export * from './domain/vouchers';
export * from './domain/interviews';
export * from './domain/training';
export * from './domain/tasks';
export * from './domain/ratings';
export * from './domain/figures';
export * from './domain/privacy';
export * from './domain/privacyPolicy';
export * from './domain/proxies';
export * from './domain/staff';
export * from './domain/access';
export * from './contracts';
export { buildOpenApiDocument } from './openapi';
export * from './domain/servicePoints';
export * from './domain/serviceCatalogue';
export * from './domain/policies';
export * from './domain/fairs';
export * from './domain/gigs';
