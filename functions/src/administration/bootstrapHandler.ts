// bootstrapAdmin: invoked only through IAM (`aws lambda invoke`, README Deploy); no HTTP event.
import { bootstrapAdmin } from './bootstrap';

export const handler = (event: unknown) => bootstrapAdmin(event);
