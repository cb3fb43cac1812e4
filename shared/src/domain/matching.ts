// How well a vacancy fits a job seeker (issue 4): a 0–100 score that explains itself. Each
// criterion has a weight; a met criterion earns its weight and a reason, an unmet one earns
// part or none and says what is missing, in the words a person would use
// ("学历要求大专，您为高中"). Pure, so the API and the mini-program show the same thing.
import { EDUCATION_LEVELS, QUALIFICATION_LEVELS, educationLabels, qualificationLabels, shiftLabels, type Education, type QualificationLevel, type Shift } from './registration';
import { fenToYuanText } from './money';
import { distanceText } from './geo';

export interface SeekerProfile {
  age: number;
  education: Education;
  yearsOfExperience: number;
  qualificationLevel?: QualificationLevel;
  intention: { occupations: readonly string[]; minMonthlySalaryFen: number; maxDistanceKm: number; shift: Shift };
}

export interface VacancyRequirements {
  title: string;
  occupationName: string;
  minEducation?: Education;
  minAge?: number;
  maxAge?: number;
  minYearsOfExperience?: number;
  minQualificationLevel?: QualificationLevel;
  salaryMinFen: number;
  salaryMaxFen: number;
  shift: Shift;
}

export interface Match {
  score: number;
  reasons: string[];
  unmet: string[];
}

const WEIGHTS = { occupation: 30, distance: 20, salary: 20, education: 10, experience: 8, age: 5, shift: 4, qualification: 3 } as const;

const educationRank = (e: Education) => EDUCATION_LEVELS.indexOf(e);
// QUALIFICATION_LEVELS runs level5 (初级) → level1 (高级技师).
const qualificationRank = (q: QualificationLevel) => QUALIFICATION_LEVELS.indexOf(q);

function occupationFits(wanted: readonly string[], v: VacancyRequirements): string | undefined {
  const text = `${v.occupationName}${v.title}`;
  return wanted.find((w) => w && (text.includes(w) || w.includes(v.occupationName)));
}

export function scoreMatch(seeker: SeekerProfile, v: VacancyRequirements, distanceM: number): Match {
  const reasons: string[] = [];
  const unmet: string[] = [];
  let score = 0;

  const occupation = occupationFits(seeker.intention.occupations, v);
  if (occupation) {
    score += WEIGHTS.occupation;
    reasons.push(`是您想做的工种（${occupation}）`);
  } else {
    unmet.push(`不是您登记的工种（${seeker.intention.occupations.join('、')}）`);
  }

  const km = distanceM / 1000;
  const kmText = distanceText(distanceM);
  if (km <= seeker.intention.maxDistanceKm) {
    // Nearer is better: full weight up to 1 km, then tapering to half at the person's limit.
    score += Math.round(WEIGHTS.distance * (km <= 1 ? 1 : 1 - 0.5 * ((km - 1) / Math.max(1, seeker.intention.maxDistanceKm - 1))));
    reasons.push(`离家${kmText}`);
  } else {
    unmet.push(`离家${kmText}，超过您希望的${seeker.intention.maxDistanceKm}公里`);
  }

  if (v.salaryMaxFen >= seeker.intention.minMonthlySalaryFen) {
    score += WEIGHTS.salary;
    reasons.push(`月薪最高${fenToYuanText(v.salaryMaxFen)}元，达到您的要求`);
  } else {
    unmet.push(`月薪最高${fenToYuanText(v.salaryMaxFen)}元，低于您希望的${fenToYuanText(seeker.intention.minMonthlySalaryFen)}元`);
  }

  if (!v.minEducation || educationRank(seeker.education) >= educationRank(v.minEducation)) {
    score += WEIGHTS.education;
    if (v.minEducation) reasons.push(`学历符合（要求${educationLabels[v.minEducation]}）`);
  } else {
    unmet.push(`学历要求${educationLabels[v.minEducation]}，您为${educationLabels[seeker.education]}`);
  }

  const years = v.minYearsOfExperience ?? 0;
  if (seeker.yearsOfExperience >= years) {
    score += WEIGHTS.experience;
    if (years > 0) reasons.push(`工作经验符合（要求${years}年）`);
  } else {
    // Some experience still counts for something.
    score += Math.floor((WEIGHTS.experience * seeker.yearsOfExperience) / years);
    unmet.push(`要求${years}年工作经验，您有${seeker.yearsOfExperience}年`);
  }

  const tooYoung = v.minAge !== undefined && seeker.age < v.minAge;
  const tooOld = v.maxAge !== undefined && seeker.age > v.maxAge;
  if (!tooYoung && !tooOld) score += WEIGHTS.age;
  else unmet.push(`年龄要求${v.minAge ?? 16}至${v.maxAge ?? '—'}岁，您${seeker.age}岁`);

  if (v.shift === seeker.intention.shift || seeker.intention.shift === 'flexible') {
    score += WEIGHTS.shift;
    reasons.push(`${shiftLabels[v.shift]}，合您的时间`);
  } else {
    unmet.push(`${shiftLabels[v.shift]}，您希望${shiftLabels[seeker.intention.shift]}`);
  }

  if (!v.minQualificationLevel) score += WEIGHTS.qualification;
  else if (seeker.qualificationLevel && qualificationRank(seeker.qualificationLevel) >= qualificationRank(v.minQualificationLevel)) {
    score += WEIGHTS.qualification;
    reasons.push(`职业资格符合（要求${qualificationLabels[v.minQualificationLevel]}）`);
  } else {
    unmet.push(`要求职业资格${qualificationLabels[v.minQualificationLevel]}${seeker.qualificationLevel ? `，您为${qualificationLabels[seeker.qualificationLevel]}` : '，您未登记'}`);
  }

  return { score: Math.max(0, Math.min(100, score)), reasons, unmet };
}

/** The same explanation for the employer's eyes: "是其想做的工种" rather than "是您想做的工种". */
export function inThirdPerson(match: Match): Match {
  const say = (text: string) => text.replaceAll('您的', '其').replaceAll('您', '其');
  return { score: match.score, reasons: match.reasons.map(say), unmet: match.unmet.map(say) };
}
