// Job-seeker registration, one Lambda: a person's own registration, and staff finding and reading people.
import { router } from '../http/router';
import * as staff from '../staff/handlers';
import * as registration from './handlers';

export const handler = router(registration.put, registration.get, staff.person, staff.findPerson);
