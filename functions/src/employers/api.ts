// Employers, one Lambda: onboarding, members and invitations, and the staff view of a unit.
import { router } from '../http/router';
import * as staff from '../staff/handlers';
import * as employers from './handlers';

export const handler = router(employers.create, employers.get, employers.invite, employers.accept, employers.mine, staff.employer);
