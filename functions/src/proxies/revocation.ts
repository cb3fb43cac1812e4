// Ending a 亲情代办 binding, as writes for a transaction: used by either side's revocation and by the
// erasure of a closed account (kept apart so the erasure does not carry the session code).
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ProxyBindingEntity, ProxyCountEntity, ProxyPairEntity } from './entities';

/** The writes that end a standing binding, for a transaction (the marker and the count go with it). */
export function revocationWrites(b: FormattedItem<typeof ProxyBindingEntity>, by: 'person' | 'proxy', at: string, scrubPhone = false) {
  return [
    ProxyBindingEntity.build(UpdateTransaction)
      .item({ personId: b.personId, bindingId: b.bindingId, status: 'revoked', revokedAt: at, revokedBy: by, ...(scrubPhone ? { proxyPhone: '' } : {}) })
      .options({ condition: { attr: 'status', eq: 'active' } }),
    ProxyPairEntity.build(DeleteTransaction).key({ personId: b.personId, proxyUserId: b.proxyUserId }),
    ProxyCountEntity.build(UpdateTransaction).item({ personId: b.personId, active: $add(-1) }),
  ];
}
