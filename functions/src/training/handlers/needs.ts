// The training-needs survey over HTTP: a person answers; staff read their area's figures.
import { staffTrainingNeeds as staffContract, submitTrainingNeed as submitContract } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { staffTrainingNeeds, submitTrainingNeed } from '../needs';

export const submit = httpHandler(submitContract, ({ principal, body }) => submitTrainingNeed(principal.userId, body));
export const staff = httpHandler(staffContract, ({ principal, query }) => staffTrainingNeeds(principal, query.areaCode));
