// Courses over HTTP: publish, read, find near home, the institution's list.
import { institutionProgrammes as programmesContract, createCourse as createContract, getCourse as getContract, nearbyCourses as nearbyContract, providerCourses as providerContract } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { createCourse, getCourse, institutionProgrammes, nearbyCourses, providerCourses } from '../courses';

export const create = httpHandler(createContract, async ({ principal, body }) => ({ course: await createCourse(principal, body) }));
export const get = httpHandler(getContract, async ({ params }) => ({ course: await getCourse(params.id) }));
export const nearby = httpHandler(nearbyContract, ({ query }) => nearbyCourses(query));
export const mine = httpHandler(providerContract, async ({ principal, params }) => ({ items: await providerCourses(principal, params.id) }));
export const programmes = httpHandler(programmesContract, async ({ principal, params }) => ({ items: await institutionProgrammes(principal, params.id) }));
