// The one structured logger. Log identifiers (user id, request id), never ID numbers or phones.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'doorstep-jobs' });
