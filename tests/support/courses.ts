// Course fixtures for the data, API and bench suites: a course body a training institution posts.
import type { CourseBody } from '@doorstep/shared';

const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function courseBody(providerId: string, overrides: Partial<CourseBody> = {}): CourseBody {
  return {
    providerId,
    title: '中式面点师（初级）培训班',
    occupationName: '中式面点师',
    level: 'level5',
    type: 'employment_skills',
    schedule: { startsOn: chinaDay(14), endsOn: chinaDay(44), timetable: '每周一至周五 上午9:00—12:00', days: 20 },
    place: { areaCode: '350102001001', address: '鼓东路 18 号 社区培训教室', lat: 26.0865, lng: 119.3001 },
    seats: 30,
    feeFen: 180_000,
    acceptedProgrammeIds: [],
    eligibleGroups: [],
    materials: ['身份证', '一寸照片两张'],
    signUpDeadline: chinaDay(7),
    ...overrides,
  };
}

export { chinaDay };
