// Every entity of the one table, wherever it is defined. Each domain keeps its entities beside its
// code (so a function carries only the definitions it uses); this list is the one place that sees
// them all, for the checks that span them (tests/architecture/entities.test.ts: unique names, no
// entity left out, no two writing the same key). Nothing a Lambda bundle imports imports this.
import { Entity } from 'dynamodb-toolbox/entity';
import * as access from '../access/entities';
import * as administration from '../administration/entities';
import * as assistance from '../assistance/entities';
import * as calendar from '../calendar/entities';
import * as core from './entities';
import * as fairs from '../fairs/entities';
import * as figures from '../figures/entities';
import * as gigs from '../gigs/entities';
import * as households from '../households/entities';
import * as interviews from '../interviews/entities';
import * as ledger from '../ledger/entities';
import * as payouts from '../payouts/entities';
import * as policies from '../policies/entities';
import * as privacy from '../privacy/entities';
import * as proxies from '../proxies/entities';
import * as ratings from '../ratings/entities';
import * as servicePoints from '../servicePoints/entities';
import * as subsidies from '../subsidies/entities';
import * as training from '../training/entities';
import * as vouchers from '../vouchers/entities';
import * as welfarePosts from '../welfarePosts/entities';

const modules = { access, administration, assistance, calendar, core, fairs, figures, gigs, households, interviews, ledger, payouts, policies, privacy, proxies, ratings, servicePoints, subsidies, training, vouchers, welfarePosts };

/** Every entity, with the module (domain) that defines it. */
export const ENTITIES: { domain: string; entity: Entity }[] = Object.entries(modules).flatMap(([domain, m]) =>
  Object.values(m as Record<string, unknown>)
    .filter((v): v is Entity => v instanceof Entity)
    .map((entity) => ({ domain, entity })),
);

/** Where the entity modules are, relative to functions/src (the registry's check reads them). */
export const ENTITY_MODULES = Object.keys(modules).map((d) => (d === 'core' ? 'db/entities.ts' : `${d}/entities.ts`));
