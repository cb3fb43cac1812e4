// In-process fixture for the data tests: a vacancy record written straight to the table (only
// the Vacancy item; no search card, review or audit trail), as a published or paused post.
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { VacancyEntity } from '../../functions/src/db/entities';
import { vacancyBody } from './vacancies';

export async function vacancyRecord(vacancyId: string, opts: { employerId?: string; at?: { lat: number; lng: number }; status?: 'published' | 'paused' } = {}): Promise<void> {
  const { employerId = '01J00000000000000000000000', at = { lat: 26.0845, lng: 119.3012 }, status = 'published' } = opts;
  const body = vacancyBody(employerId, at);
  const now = new Date().toISOString();
  await VacancyEntity.build(PutItemCommand)
    .item({
      vacancyId,
      employerId,
      employerName: '鼓东便民超市',
      bodyJson: JSON.stringify(body),
      status,
      flagsJson: '[]',
      areaCode: '350102001001',
      ...at,
      recruitFrom: body.time.recruitFrom,
      recruitUntil: body.time.recruitUntil,
      createdAt: now,
      updatedAt: now,
      version: 2,
      auditHead: '2:x',
      gsi1pk: 'VACANCY#350102',
      gsi1sk: `350102001001#${vacancyId}`,
      gsi2pk: `EMPLOYER_VACANCIES#${employerId}`,
      gsi2sk: `${now}#${vacancyId}`,
    })
    .send();
}
