// Which changed records may move a person in the real-name ledger (the figures stream lists them
// again): their registration, a category, a household pointer; a household recognised or off zero
// (its members with an account); a 零工 place done; a desk visit served; a fair check-in.
import type { ChangedRecord } from '../figures/count';

const changedField = (r: ChangedRecord, field: string) => JSON.stringify(r.newImage?.[field]) !== JSON.stringify(r.oldImage?.[field]);

export function ledgerPeopleOf(r: ChangedRecord): string[] {
  const image = r.newImage ?? r.oldImage ?? {};
  if (r.pk.startsWith('USER#')) {
    return r.sk === 'JOBSEEKER_REG' || r.sk.startsWith('CATEGORY#') || r.sk.startsWith('HOUSEHOLD#') ? [r.pk.slice('USER#'.length)] : [];
  }
  if (r.pk.startsWith('HOUSEHOLD#') && r.sk === 'HOUSEHOLD' && (changedField(r, 'status') || changedField(r, 'atZero'))) {
    const members = (image.members as { userId?: string }[] | undefined) ?? [];
    return [...new Set([String(image.applicantId ?? ''), ...members.map((m) => m.userId ?? '')].filter(Boolean))];
  }
  if (r.pk.startsWith('GIG#') && r.sk.startsWith('TAKE#') && changedField(r, 'status')) return [r.sk.slice('TAKE#'.length)];
  if (r.pk.startsWith('VISIT#') && changedField(r, 'status') && typeof image.userId === 'string') return [image.userId];
  if (r.pk.startsWith('FAIR#') && r.sk.startsWith('CHECKIN#') && !r.oldImage && typeof image.userId === 'string') return [image.userId];
  return [];
}
