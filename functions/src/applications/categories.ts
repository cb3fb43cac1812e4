// Person categories: stored ones (recognised on review, or recorded from an employment
// registration) and derived ones (graduate within 2 years, youth 16–24) computed on read.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import dayjs from 'dayjs';
import { ageOn, isRecentGraduate, recognisedCategoryLabels, rulesOn, todayInChina, type Category, type RecognisedCategory } from '@doorstep/shared';
import { JobseekerRegistrationEntity, PersonCategoryEntity } from '../db/entities';
import { table } from '../db/table';

export type StoredCategory = FormattedItem<typeof PersonCategoryEntity>;

export async function loadCategories(userId: string): Promise<StoredCategory[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(PersonCategoryEntity)
    .query({ partition: `USER#${userId}`, range: { beginsWith: 'CATEGORY#' } })
    .options({ consistent: true })
    .send();
  return Items;
}

/** The category if it holds on `on`: begun, and not ended. */
export function activeCategory(items: readonly StoredCategory[], code: RecognisedCategory, on: string): StoredCategory | undefined {
  return items.find((c) => c.code === code && c.since <= on && (c.until === undefined || c.until > on));
}

export function derivedCategories(reg: { birthDate: string; graduationDate?: string }, on: string): Category[] {
  const rules = rulesOn(on);
  const out: Category[] = [];
  if (reg.graduationDate && isRecentGraduate(rules, reg.graduationDate, on)) {
    out.push({
      code: 'graduate_2y',
      label: recognisedCategoryLabels.graduate_2y,
      since: reg.graduationDate,
      until: dayjs(reg.graduationDate).add(rules.graduateYears, 'year').format('YYYY-MM-DD'),
      source: 'derived',
      ruleVersion: rules.version,
    });
  }
  const age = ageOn(reg.birthDate, on);
  if (age >= 16 && age <= 24) {
    out.push({
      code: 'youth_16_24',
      label: recognisedCategoryLabels.youth_16_24,
      since: dayjs(reg.birthDate).add(16, 'year').format('YYYY-MM-DD'),
      until: dayjs(reg.birthDate).add(25, 'year').format('YYYY-MM-DD'),
      source: 'derived',
      ruleVersion: rules.version,
    });
  }
  return out;
}

export function toCategoryView(c: StoredCategory): Category {
  return {
    code: c.code as RecognisedCategory,
    label: recognisedCategoryLabels[c.code as RecognisedCategory],
    since: c.since,
    ...(c.until ? { until: c.until } : {}),
    source: c.source,
    ...(c.detail ? { detail: c.detail } : {}),
    applicationId: c.applicationId,
    ruleVersion: c.ruleVersion,
  };
}

const activeOn = (stored: readonly StoredCategory[], on: string) => stored.filter((c) => c.since <= on && (c.until === undefined || c.until > on)).map(toCategoryView);

/** The categories that hold today: stored and derived. */
export async function currentCategories(userId: string): Promise<{ categories: Category[]; ruleVersion: string }> {
  const today = todayInChina();
  const [stored, { Item: reg }] = await Promise.all([
    loadCategories(userId),
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send(),
  ]);
  return { categories: [...activeOn(stored, today), ...(reg ? derivedCategories(reg, today) : [])], ruleVersion: rulesOn(today).version };
}

/** The categories of a registered person that hold on `on`: stored and derived. */
export async function categoriesOn(reg: { userId: string; birthDate: string; graduationDate?: string }, on: string): Promise<Category[]> {
  return [...activeOn(await loadCategories(reg.userId), on), ...derivedCategories(reg, on)];
}

/** Condition for opening a category: it does not exist, or its last period has ended. */
export function notOpen(): { or: [{ attr: 'userId'; exists: false }, { attr: 'until'; exists: true }] } {
  return { or: [{ attr: 'userId', exists: false }, { attr: 'until', exists: true }] };
}
