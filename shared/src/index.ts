export { z } from './zod';
export * from './domain/idNumber';
export * from './domain/phone';
export * from './domain/areas';
export * from './domain/eligibility';
export * from './domain/money';
export * from './domain/registration';
export * from './contracts';
export { buildOpenApiDocument } from './openapi';
