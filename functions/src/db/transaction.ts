// One write of a TransactWriteItems (a Put, Update, Delete or ConditionCheck of any entity), as the
// functions that build a change's writes for someone else's transaction return them.
import type { ExecuteTransactWriteInput, ExecuteTransactWriteOptions } from 'dynamodb-toolbox/entity/actions/transactWrite';

export type TransactionWrite = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>;
