// 政策找人 and 你问我答's items (functions/src/db/README.md has their access patterns): policies,
// each registered person's facts card (what a policy's rule reads, indexed by where they live),
// the matches a person has, and questions. Beside the domain, so that functions which never touch
// them do not carry their definitions.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { table } from '../db/table';

/**
 * A policy of an area. Listed per city under GSI1 by area code: the policies that can apply to a
 * person are one query of their city. `matching` is the progress of reaching every registered
 * person of the area once it is published (the stream does it, a page at a time, resuming at
 * `cursor` after a failure).
 */
export const PolicyEntity = new Entity({
  name: 'Policy',
  table,
  timestamps: false,
  schema: item({
    policyId: string().key(),
    title: string(),
    issuer: string(),
    docNumber: string(),
    validFrom: string(),
    validUntil: string(),
    summary: string(),
    benefits: string(),
    howToApply: string(),
    service: string().optional(),
    areaCode: string(),
    rule: map({
      groups: list(string()),
      minAge: number().optional(),
      maxAge: number().optional(),
      gender: string().optional(),
      minEducation: string().optional(),
    }),
    status: string().enum('published', 'withdrawn'),
    matching: map({ state: string().enum('running', 'done'), checked: number(), matched: number(), cursor: string().optional(), finishedAt: string().optional() }),
    createdBy: string(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ policyId }) => ({ pk: `POLICY#${policyId}`, sk: 'POLICY' }),
});

export const policyIndexKeys = (areaCode: string, policyId: string) => ({ gsi1pk: `POLICIES#${areaCode.slice(0, 4)}`, gsi1sk: `${areaCode}#${policyId}` });

/**
 * What a policy's rule reads of a registered person, kept by the stream whenever their
 * registration or a category changes; indexed per city by where they live (GSI1), so a policy of
 * an area reads its people's cards only — never the table.
 */
export const PolicyFactsEntity = new Entity({
  name: 'PolicyFacts',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    birthDate: string(),
    gender: string(),
    education: string(),
    graduationDate: string().optional(),
    /** Recognised categories holding now (derived ones are worked out when matching). */
    groups: list(string()),
    areaCode: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'POLICY_FACTS' }),
});

export const factsIndexKeys = (areaCode: string, userId: string) => ({ gsi1pk: `PFACTS#${areaCode.slice(0, 4)}`, gsi1sk: `${areaCode}#${userId}` });

/** A policy found for a person (为您找到的政策), with why. Deleted when they stop qualifying. */
export const PolicyMatchEntity = new Entity({
  name: 'PolicyMatch',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    policyId: string().key(),
    reasons: list(string()),
    matchedAt: string(),
  }),
  computeKey: ({ userId, policyId }) => ({ pk: `USER#${userId}`, sk: `POLICYMATCH#${policyId}` }),
});

/** 你问我答: a question, its task, and the answer. GSI2: the asker's; GSI1: the city's month, for hot topics. */
export const QuestionEntity = new Entity({
  name: 'Question',
  table,
  timestamps: false,
  schema: item({
    questionId: string().key(),
    userId: string(),
    text: string(),
    topic: string(),
    askerType: string(),
    policyId: string().optional(),
    policyTitle: string().optional(),
    areaCode: string(),
    taskId: string(),
    due: string(),
    complex: boolean(),
    status: string().enum('asked', 'answered'),
    answer: string().optional(),
    answeredBy: string().optional(),
    answeredAt: string().optional(),
    createdAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ questionId }) => ({ pk: `QUESTION#${questionId}`, sk: 'QUESTION' }),
});
