// The registration form's state and rules, apart from the page so they can be tested alone.
// Validation uses the same shared schema the API enforces, so the messages are the same too.
import {
  jobseekerRegistrationBodySchema,
  yuanTextToFen,
  fenToYuanText,
  DEFAULT_DISTANCE_KM,
  type Education,
  type FieldIssue,
  type JobseekerRegistration,
  type JobseekerRegistrationBody,
  type PersonCategory,
  type ProfessionalTitle,
  type QualificationLevel,
  type Shift,
} from '@doorstep/shared';

export interface RegistrationFormState {
  idNumber: string;
  name: string;
  phone: string;
  education: Education | '';
  yearsOfExperience: string;
  qualificationLevel: QualificationLevel | '';
  professionalTitle: ProfessionalTitle | '';
  personCategory: PersonCategory | '';
  graduationDate: string;
  areaCode: string;
  areaName: string;
  address: string;
  lat: string;
  lng: string;
  occupations: string;
  minMonthlySalaryYuan: string;
  maxDistanceKm: number;
  shift: Shift | '';
  resume: string;
}

export const STEPS = ['基本信息', '居住地址', '求职意向'] as const;

/** Which step shows each top-level field, so an error can take the person to it. */
const STEP_OF_FIELD: Record<string, number> = {
  idNumber: 0,
  name: 0,
  phone: 0,
  education: 0,
  yearsOfExperience: 0,
  qualificationLevel: 0,
  professionalTitle: 0,
  personCategory: 0,
  graduationDate: 0,
  residence: 1,
  intention: 2,
  resume: 2,
};

export function emptyForm(): RegistrationFormState {
  return {
    idNumber: '',
    name: '',
    phone: '',
    education: '',
    yearsOfExperience: '',
    qualificationLevel: '',
    professionalTitle: '',
    personCategory: '',
    graduationDate: '',
    areaCode: '',
    areaName: '',
    address: '',
    lat: '',
    lng: '',
    occupations: '',
    minMonthlySalaryYuan: '',
    maxDistanceKm: DEFAULT_DISTANCE_KM,
    shift: '',
    resume: '',
  };
}

export function formFromRegistration(r: JobseekerRegistration): RegistrationFormState {
  return {
    ...emptyForm(),
    name: r.name,
    phone: r.phone,
    education: r.education,
    yearsOfExperience: String(r.yearsOfExperience),
    qualificationLevel: r.qualificationLevel ?? '',
    professionalTitle: r.professionalTitle ?? '',
    personCategory: r.personCategory ?? '',
    graduationDate: r.graduationDate ?? '',
    areaCode: r.residence.areaCode,
    areaName: r.residence.areaName,
    address: r.residence.address,
    lat: String(r.residence.lat),
    lng: String(r.residence.lng),
    occupations: r.intention.occupations.join('、'),
    minMonthlySalaryYuan: fenToYuanText(r.intention.minMonthlySalaryFen),
    maxDistanceKm: r.intention.maxDistanceKm,
    shift: r.intention.shift,
    resume: r.resume ?? '',
  };
}

const opt = <T extends string>(v: T | ''): T | undefined => (v === '' ? undefined : v);

function numberFrom(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The request body the form stands for. The ID number is left out when editing and not retyped. */
export function toBody(s: RegistrationFormState): Record<string, unknown> {
  const salaryText = s.minMonthlySalaryYuan.trim();
  return {
    ...(s.idNumber.trim() ? { idNumber: s.idNumber.trim().toUpperCase() } : {}),
    name: s.name.trim(),
    phone: s.phone.trim(),
    education: opt(s.education),
    yearsOfExperience: numberFrom(s.yearsOfExperience),
    qualificationLevel: opt(s.qualificationLevel),
    professionalTitle: opt(s.professionalTitle),
    personCategory: opt(s.personCategory),
    graduationDate: opt(s.graduationDate),
    resume: s.resume.trim() ? s.resume : undefined,
    residence: {
      areaCode: s.areaCode,
      address: s.address.trim(),
      lat: numberFrom(s.lat),
      lng: numberFrom(s.lng),
    },
    intention: {
      occupations: s.occupations.split(/[,，、;；\s]+/).filter(Boolean),
      minMonthlySalaryFen: salaryText === '' ? undefined : (yuanTextToFen(salaryText) ?? Number.NaN),
      maxDistanceKm: s.maxDistanceKm,
      shift: opt(s.shift),
    },
  };
}

/** Field path → message, e.g. `residence.areaCode` → `请选择到社区（村）`. */
export type FormErrors = Record<string, string>;

export function errorsFrom(issues: FieldIssue[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const key = issue.path.join('.');
    // Friendlier words for the few messages that talk about the wire format.
    const message =
      key === 'intention.minMonthlySalaryFen' && /整数|数字/.test(issue.message) ? '请输入金额，如 3500' : issue.message;
    errors[key] ??= message;
  }
  return errors;
}

export function stepOf(path: string): number {
  return STEP_OF_FIELD[path.split('.')[0]] ?? 0;
}

export function validate(
  s: RegistrationFormState,
  options: { idNumberRequired: boolean },
): { body?: JobseekerRegistrationBody; errors: FormErrors } {
  const parsed = jobseekerRegistrationBodySchema.safeParse(toBody(s));
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  if (options.idNumberRequired && !s.idNumber.trim()) issues.unshift({ path: ['idNumber'], message: '请填写身份证号' });
  if (!s.lat.trim() || !s.lng.trim()) {
    issues.push({ path: ['residence', 'location'], message: '请点“获取当前位置”，或手动填写经纬度' });
  }
  const errors = errorsFrom(issues.filter((i) => !(i.path[0] === 'residence' && (i.path[1] === 'lat' || i.path[1] === 'lng') && (!s.lat.trim() || !s.lng.trim()))));
  return Object.keys(errors).length ? { errors } : { body: parsed.data, errors };
}

/**
 * The error paths each form field answers for, where they differ from the field's own name:
 * editing a field clears exactly these (and anything beneath them, such as `occupations.0`).
 */
const ERROR_PATHS_OF_FIELD: Partial<Record<keyof RegistrationFormState, string[]>> = {
  areaCode: ['residence.areaCode'],
  areaName: [],
  address: ['residence.address'],
  lat: ['residence.location', 'residence.lat'],
  lng: ['residence.location', 'residence.lng'],
  occupations: ['intention.occupations'],
  minMonthlySalaryYuan: ['intention.minMonthlySalaryFen'],
  maxDistanceKm: ['intention.maxDistanceKm'],
  shift: ['intention.shift'],
};

export function withoutErrorsOf(errors: FormErrors, changed: (keyof RegistrationFormState)[]): FormErrors {
  const cleared = changed.flatMap((field) => ERROR_PATHS_OF_FIELD[field] ?? [field]);
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => !cleared.some((c) => path === c || path.startsWith(`${c}.`))),
  );
}

/** Errors that belong to one step. */
export function errorsOfStep(errors: FormErrors, step: number): FormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOf(path) === step));
}
