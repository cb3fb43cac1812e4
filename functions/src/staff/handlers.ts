// GET /staff/people/{id}, POST /staff/people/search, GET /staff/employers/{id}
import { findStaffPerson, getStaffEmployer, getStaffPerson } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { findPersonByIdNumber, staffEmployer, staffPerson } from './service';

export const person = httpHandler(getStaffPerson, ({ principal, params }) => staffPerson(principal, params.id));
export const findPerson = httpHandler(findStaffPerson, ({ principal, body }) => findPersonByIdNumber(principal, body.idNumber));
export const employer = httpHandler(getStaffEmployer, ({ principal, params }) => staffEmployer(principal, params.id));
