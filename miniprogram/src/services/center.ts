// Where a "near me" search starts: home, from the person's registration (null when they have not
// registered), or where the phone is now. One place for the nearby pages (hooks/useNearby.ts).
import { getJobseekerRegistration } from '@doorstep/shared';
import { location } from './location';
import { ApiError, request } from './request';

export interface Center {
  lat: number;
  lng: number;
  /** How the page names it: 家, 您现在的位置, 张三家. */
  label: string;
  /** Home's community, when the center is home (the city's fairs are found by it). */
  areaCode?: string;
  /** How far from home the person will go (their 求职意向), when the center is home. */
  maxDistanceKm?: number;
}

export async function homeCenter(): Promise<Center | null> {
  try {
    const { registration } = await request(getJobseekerRegistration);
    return { lat: registration.residence.lat, lng: registration.residence.lng, label: '家', areaCode: registration.residence.areaCode, maxDistanceKm: registration.intention.maxDistanceKm };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export async function hereCenter(): Promise<Center> {
  return { ...(await location.current()), label: '您现在的位置' };
}
