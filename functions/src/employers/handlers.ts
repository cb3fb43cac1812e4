// POST /employers, GET /employers/{id}, POST /employers/{id}/members, POST /me/employer-invitations/accept, GET /me/employers
import {
  acceptEmployerInvitation,
  createEmployer as createEmployerContract,
  getEmployer as getEmployerContract,
  inviteEmployerMember,
  listMyEmployers as listMyEmployersContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { acceptInvitation, inviteMember, listMyEmployers } from './members';
import { createEmployer, getEmployerForMember } from './service';

export const create = httpHandler(createEmployerContract, async ({ principal, body }) => ({
  employer: await createEmployer(principal.userId, body),
}));

export const get = httpHandler(getEmployerContract, async ({ principal, params }) => ({
  employer: await getEmployerForMember(principal.userId, params.id),
}));

export const invite = httpHandler(inviteEmployerMember, async ({ principal, params, body }) => ({
  invitation: await inviteMember(principal.userId, params.id, body.phone),
}));

export const accept = httpHandler(acceptEmployerInvitation, async ({ principal, body }) => ({
  employer: await acceptInvitation(principal.userId, body.phone, body.code),
}));

export const mine = httpHandler(listMyEmployersContract, async ({ principal }) => ({ items: await listMyEmployers(principal.userId) }));
