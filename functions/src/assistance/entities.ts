// 就业援助's items (functions/src/db/README.md has their access patterns): the case, and the
// pointer in the person's partition that lets them read it (deleted with their account).
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { table } from '../db/table';

const taskRef = () => map({ taskId: string(), areaCode: string(), due: string() });

/**
 * A recognised hard-to-employ person's assistance case. `tasks` are the step tasks it opened (the
 * task engine keeps their due dates, lateness and escalation). GSI1: the city's cases by area
 * (the street's ledger, by area prefix); GSI2: a specialist's own cases (once assigned). `version`
 * guards every change.
 */
export const AssistanceCaseEntity = new Entity({
  name: 'AssistanceCase',
  table,
  timestamps: false,
  schema: item({
    caseId: string().key(),
    userId: string(),
    personName: string(),
    /** The person's community (12 digits) when recognised. */
    areaCode: string(),
    status: string().enum('awaiting_specialist', 'in_progress', 'placed', 'closed'),
    recognisedOn: string(),
    applicationId: string(),
    specialist: map({ userId: string(), name: string(), phone: string(), areaCode: string() }).optional(),
    assignedAt: string().optional(),
    contact: map({ how: string(), on: string(), note: string(), by: string(), at: string() }).optional(),
    plan: map({
      causes: string(),
      goals: string(),
      services: list(map({ kind: string(), what: string(), by: string() })),
      by: string(),
      updatedAt: string(),
    }).optional(),
    /** Posts offered (referral letters with this case), their interviews and results; `check` is the 5-day interview check task. */
    offers: list(
      map({
        code: string(),
        vacancyId: string(),
        title: string(),
        employerName: string(),
        on: string(),
        by: string(),
        interviewOn: string().optional(),
        accompanied: boolean().optional(),
        check: taskRef().optional(),
        result: string().optional(),
        resultNote: string().optional(),
      }),
    ).optional(),
    /** Placed: the day the job started (employment registration) and the follow-ups since (WF-28). */
    placedOn: string().optional(),
    followUps: list(map({ on: string(), stability: string(), note: string(), by: string() })).optional(),
    /** How many times the case was re-opened because the person became unemployed again. */
    reopened: number().optional(),
    /** Re-opened: offers from this day count towards the new two posts. */
    postsSince: string().optional(),
    closedAs: string().enum('stably_employed').optional(),
    closedOn: string().optional(),
    /** The signed agreement (F32): in the app, or the photo of a signed paper copy. */
    agreement: map({ how: string().enum('app', 'paper'), signedOn: string(), signedAt: string(), photoKey: string().optional(), by: string() }).optional(),
    tasks: map({
      assign: taskRef(),
      plan: taskRef(),
      contact: taskRef().optional(),
      posts: taskRef().optional(),
      registration: taskRef().optional(),
      followUp: taskRef().optional(),
    }),
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ caseId }) => ({ pk: `ASSIST#${caseId}`, sk: 'CASE' }),
});

export const assistanceAreaKeys = (areaCode: string, createdAt: string, caseId: string) => ({ gsi1pk: `ASSISTS#${areaCode.slice(0, 4)}`, gsi1sk: `${areaCode}#${createdAt}#${caseId}` });
export const specialistKeys = (staffId: string, createdAt: string, caseId: string) => ({ gsi2pk: `SPECIALIST#${staffId}`, gsi2sk: `${createdAt}#${caseId}` });

/** The person's pointer to their case(s), newest last: `USER#<id>` / `ASSIST#<caseId>`. */
export const PersonAssistanceEntity = new Entity({
  name: 'PersonAssistance',
  table,
  timestamps: false,
  schema: item({ userId: string().key(), caseId: string().key(), createdAt: string() }),
  computeKey: ({ userId, caseId }) => ({ pk: `USER#${userId}`, sk: `ASSIST#${caseId}` }),
});
