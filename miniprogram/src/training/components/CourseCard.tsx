// One course as a card: what, who, when, where, seats left or how many wait, the fee. Pages
// import the page styles first and training.scss after, so the card's own rules win.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { courseIsFull, courseLevelLabels, courseTypeLabels, distanceText, fenToYuanText, type Course } from '@doorstep/shared';

export function seatsText(c: Pick<Course, 'seats' | 'enrolled' | 'waiting'>): string {
  if (!courseIsFull(c)) return `还剩 ${c.seats - c.enrolled} 个名额（共 ${c.seats} 个）`;
  return `名额已满，${c.waiting} 人在候补`;
}

export const feeText = (c: Pick<Course, 'feeFen' | 'acceptedProgrammes'>) =>
  c.feeFen === 0 ? '免费' : `学费 ${fenToYuanText(c.feeFen)} 元${c.acceptedProgrammes.length ? '，可用培训券' : ''}`;

export function CourseCard({ course: c, distanceM, query = '' }: { course: Course; distanceM?: number; query?: string }) {
  const full = courseIsFull(c);
  return (
    <View className="card course-card" onClick={() => Taro.navigateTo({ url: `/training/course/index?id=${c.id}${query}` })}>
      <Text className="course-card__title">{c.title}</Text>
      <Text className="course-card__meta">
        {c.providerName}
        {distanceM !== undefined ? ` · 离您 ${distanceText(distanceM)}` : ''}
      </Text>
      <Text className="course-card__meta">
        {courseTypeLabels[c.type]} · {courseLevelLabels[c.level]}
      </Text>
      <Text className="course-card__meta">
        {c.schedule.startsOn} 开班 · {c.schedule.timetable}
      </Text>
      <Text className={`course-card__seats ${full ? 'course-card__seats--full' : ''}`}>{seatsText(c)}</Text>
      <Text className="course-card__meta">
        {feeText(c)} · 报名截止 {c.signUpDeadline}
      </Text>
    </View>
  );
}
