// The service hall's big screen (LED 大屏): the open vacancies within 3 km of the hall, nearest
// first, and the area's figures this month. Public: nothing on it names a person.
import { periodLabel, todayInChina } from '@doorstep/shared';
import { isKnownArea } from '../areas/dataset';
import { NotFoundError } from '../http/errors';
import { nearestCards, summaryOf } from '../vacancies/search';
import { isOpenCard } from '../vacancies/service';
import { currentMonth, figuresOf } from './stats';

const SCREEN_RADIUS_M = 3000;
const SCREEN_VACANCIES = 12;

export async function screenOf(areaCode: string, hall: { lat?: number; lng?: number }) {
  if (!isKnownArea(areaCode) || areaCode.length < 4) throw new NotFoundError('没有这个区域');
  const month = currentMonth();
  const today = todayInChina();
  const [figures, cards] = await Promise.all([
    figuresOf(areaCode, month),
    hall.lat !== undefined && hall.lng !== undefined
      ? nearestCards({ center: { lat: hall.lat, lng: hall.lng }, limitM: SCREEN_RADIUS_M, need: SCREEN_VACANCIES, accept: (c) => isOpenCard(c, today) })
      : Promise.resolve({ page: [] }),
  ]);
  return {
    areaCode,
    areaName: figures.total.areaName,
    periodLabel: periodLabel(month),
    month: figures.total,
    vacancies: cards.page.slice(0, SCREEN_VACANCIES).map((c) => ({ vacancy: summaryOf(c.card), distanceM: c.distanceM })),
    updatedAt: new Date().toISOString(),
  };
}
