// 政策, 政策找人, 政策计算器 and 你问我答 over HTTP: thin, the rules are in policies.ts, questions.ts.
import {
  answerQuestion as answerContract,
  askQuestion as askContract,
  browsePolicies as browseContract,
  calculatePolicies,
  getPolicy as getPolicyContract,
  getStaffPolicy,
  getStaffQuestion,
  listStaffPolicies,
  markQuestionComplex,
  myPolicies as myPoliciesContract,
  myQuestions as myQuestionsContract,
  publishPolicy as publishContract,
  questionTopics,
  withdrawPolicy as withdrawContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { browsePolicies, calculate, getPolicy, myPolicies, publishPolicy, staffPolicies, staffPolicy, withdrawPolicy } from './policies';
import { answerQuestion, askQuestion, hotTopics, markComplex, myQuestions, staffQuestion } from './questions';

export const publish = httpHandler(publishContract, async ({ principal, body }) => ({ policy: await publishPolicy(principal, body) }));
export const staffList = httpHandler(listStaffPolicies, async ({ principal }) => ({ items: await staffPolicies(principal) }));
export const staffOne = httpHandler(getStaffPolicy, async ({ principal, params }) => ({ policy: await staffPolicy(principal, params.id) }));
export const withdraw = httpHandler(withdrawContract, async ({ principal, params }) => ({ policy: await withdrawPolicy(principal, params.id) }));
export const browse = httpHandler(browseContract, async ({ query }) => ({ items: await browsePolicies(query) }));
export const one = httpHandler(getPolicyContract, ({ principal, params }) => getPolicy(params.id, principal.userId));
export const mine = httpHandler(myPoliciesContract, async ({ principal }) => ({ items: await myPolicies(principal.userId) }));
export const calculator = httpHandler(calculatePolicies, ({ principal, body }) => {
  const { useMyRecord, ...answers } = body;
  return calculate(answers, useMyRecord ? principal.userId : undefined);
});

export const ask = httpHandler(askContract, ({ principal, body, headers }) =>
  idempotent(`${principal.userId}:ask-question`, idempotencyKeyOf(headers), body, async (record) => ({ question: await askQuestion(principal.userId, body, { record }) })),
);
export const questions = httpHandler(myQuestionsContract, async ({ principal }) => ({ items: await myQuestions(principal.userId) }));
export const staffQuestionOne = httpHandler(getStaffQuestion, async ({ principal, params }) => ({ question: await staffQuestion(principal, params.id) }));
export const answer = httpHandler(answerContract, async ({ principal, params, body }) => ({ question: await answerQuestion(principal, params.id, body.answer) }));
export const complex = httpHandler(markQuestionComplex, async ({ principal, params }) => ({ question: await markComplex(principal, params.id) }));
export const topics = httpHandler(questionTopics, ({ principal, query }) => hotTopics(principal, query.month));
