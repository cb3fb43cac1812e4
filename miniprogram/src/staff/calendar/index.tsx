// 工作日历 (city administrators): every deadline of the product counts working days on it. The
// years built into the release and those entered here are listed; each November the State
// Council's notice for next year is entered here — its name, each holiday's days, the Saturdays
// and Sundays worked instead — checked as it is typed (dates in that year, no overlaps, make-up
// days on weekends) and again by the server, confirmed before it takes effect, and kept with who
// entered it.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { enterHolidayNotice, getCalendar, noticeProblems, todayInChina, type CalendarYear } from '@doorstep/shared';
import { DateField } from '../../components/DateField';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { fieldErrors } from '../../hooks/fieldErrors';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { applyCalendar } from '../../services/calendar';
import { request } from '../../services/request';
import '../../styles/page.scss';
import './index.scss';

interface Draft {
  source: string;
  holidays: { name: string; from: string; to: string }[];
  workdays: string[];
}

/** 2027-02-05 → 2月5日 */
const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const emptyDraft = (): Draft => ({ source: '', holidays: [{ name: '', from: '', to: '' }], workdays: [] });
const draftOf = (y: CalendarYear | undefined): Draft =>
  y ? { source: y.source, holidays: y.holidays.map((h) => ({ ...h })), workdays: [...y.workdays] } : emptyDraft();

export default function CalendarPage() {
  const nextYear = Number(todayInChina().slice(0, 4)) + 1;
  const { data, setData, gate } = usePageData(async () => request(getCalendar, {}), []);
  const [year, setYear] = useState<number>();
  const [draft, setDraft] = useState<Draft>(emptyDraft());
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || !data) return gate;
  const calendar = data;

  // One task at a time: the form alone while a year is being entered.
  const open = (y: number) => {
    setYear(y);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    setDraft(draftOf(data.years.find((c) => c.year === y)));
    submission.clear(['source', 'holidays', 'workdays']);
  };
  const change = (next: Draft, fields: string[]) => {
    setDraft(next);
    submission.clear(fields);
  };

  async function save() {
    if (year === undefined) return;
    const found = noticeProblems(year, draft);
    if (!draft.source.trim()) found.push({ path: ['source'], message: '请填写通知的名称' });
    draft.holidays.forEach((h, i) => {
      if (!h.name.trim()) found.push({ path: ['holidays', i, 'name'], message: '请填写节日名称' });
      if (!h.from) found.push({ path: ['holidays', i, 'from'], message: '请选择日期' });
      if (!h.to) found.push({ path: ['holidays', i, 'to'], message: '请选择日期' });
    });
    if (found.length) return submission.refuse(fieldErrors(found));
    const { confirm } = await Taro.showModal({
      title: `保存${year}年的安排？`,
      content: '保存后，所有到期日都按这份安排计算，并记录是您录入的。',
      confirmText: '保存',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await submission.send(async () => {
      const saved = (await request(enterHolidayNotice, { params: { year }, body: { source: draft.source.trim(), holidays: draft.holidays.map((h) => ({ ...h, name: h.name.trim() })), workdays: draft.workdays } })).year;
      const years = [...calendar.years.filter((y) => y.year !== saved.year), saved].sort((a, b) => a.year - b.year);
      setData({ years, nextYearMissing: !years.some((y) => y.year === nextYear) });
      applyCalendar(years);
      setYear(undefined);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    });
  }

  return (
    <Page>
      <Text className="page__title">工作日历</Text>
      <Text className="page__lead">所有办理期限都按工作日计算。每年 11 月国务院办公厅公布下一年的节假日安排后，请在这里录入。</Text>
      {/* Newest first: the year being planned is the one looked at. */}
      {data.nextYearMissing ? <Notice message={`${nextYear}年的节假日安排还没有录入，到期日可能不准。`} /> : null}
      {year !== undefined ? null : [...data.years].reverse().map((y) => (
        <View className="card" key={y.year}>
          <Text className="card__title">{y.year}年</Text>
          <DetailRow label="依据" value={y.source} />
          <Text className="calendar-year__label">放假</Text>
          {y.holidays.map((h) => (
            <Text className="calendar-year__day" key={`${h.name}${h.from}`}>
              {h.name}：{dayText(h.from)}
              {h.to !== h.from ? `至${dayText(h.to)}` : ''}
            </Text>
          ))}
          <Text className="calendar-year__label">调休上班</Text>
          <Text className="calendar-year__day">{y.workdays.length ? y.workdays.map(dayText).join('、') : '无'}</Text>
          <DetailRow label="来源" value={y.builtIn ? '随系统内置' : `${y.enteredBy ?? ''} 于 ${String(y.enteredAt ?? '').slice(0, 10)} 录入`} />
          <View className="page__actions">
            <Button className="btn btn--secondary" onClick={() => open(y.year)}>
              更正{y.year}年
            </Button>
          </View>
        </View>
      ))}
      {year === undefined ? (
        data.years.some((y) => y.year === nextYear) ? null : (
          <View className="page__actions">
            <Button className="btn btn--primary" onClick={() => open(nextYear)}>
              录入{nextYear}年的安排
            </Button>
          </View>
        )
      ) : (
        <View className="card calendar-form">
          <Text className="card__title">{year}年的节假日安排</Text>
          <FormField label="通知名称" required hint={`如：国务院办公厅关于${year}年部分节假日安排的通知`} error={errors.source}>
            <Input className="text-input" value={draft.source} maxlength={120} onInput={(e) => change({ ...draft, source: e.detail.value }, ['source'])} />
          </FormField>
          {draft.holidays.map((h, i) => (
            <View className="calendar-form__group" key={`h${i}`}>
              <FormField label={`节假日 ${i + 1}`} required error={errors[`holidays.${i}.name`]}>
                <Input className="text-input" value={h.name} placeholder="如：春节" maxlength={20} onInput={(e) => change({ ...draft, holidays: draft.holidays.map((x, k) => (k === i ? { ...x, name: e.detail.value } : x)) }, [`holidays.${i}.name`])} />
              </FormField>
              <FormField label="放假第一天" required error={errors[`holidays.${i}.from`]}>
                <DateField value={h.from} placeholder="选择日期" start={`${year}-01-01`} end={`${year}-12-31`} initial={`${year}-01-01`} onChange={(v) => change({ ...draft, holidays: draft.holidays.map((x, k) => (k === i ? { ...x, from: v, to: x.to || v } : x)) }, [`holidays.${i}`])} />
              </FormField>
              <FormField label="放假最后一天" required error={errors[`holidays.${i}.to`]}>
                <DateField value={h.to} placeholder="选择日期" start={h.from || `${year}-01-01`} end={`${year}-12-31`} onChange={(v) => change({ ...draft, holidays: draft.holidays.map((x, k) => (k === i ? { ...x, to: v } : x)) }, [`holidays.${i}.to`])} />
              </FormField>
              {draft.holidays.length > 1 ? (
                <Button className="btn btn--secondary" onClick={() => change({ ...draft, holidays: draft.holidays.filter((_, k) => k !== i) }, ['holidays'])}>
                  删除这个节假日
                </Button>
              ) : null}
            </View>
          ))}
          <Button className="btn btn--secondary" onClick={() => change({ ...draft, holidays: [...draft.holidays, { name: '', from: '', to: '' }] }, [])}>
            再加一个节假日
          </Button>
          {draft.workdays.map((d, i) => (
            <View className="calendar-form__group" key={`w${i}`}>
              <FormField label={`调休上班日 ${i + 1}`} hint="周六或周日要上班的日子" error={errors[`workdays.${i}`]}>
                <DateField value={d} placeholder="选择日期" start={`${year}-01-01`} end={`${year}-12-31`} initial={`${year}-01-01`} onChange={(v) => change({ ...draft, workdays: draft.workdays.map((x, k) => (k === i ? v : x)) }, [`workdays.${i}`])} />
              </FormField>
              <Button className="btn btn--secondary" onClick={() => change({ ...draft, workdays: draft.workdays.filter((_, k) => k !== i) }, ['workdays'])}>
                删除这一天
              </Button>
            </View>
          ))}
          <Button className="btn btn--secondary" onClick={() => change({ ...draft, workdays: [...draft.workdays, ''] }, [])}>
            加一个调休上班日
          </Button>
          {submitError ? <Notice message={submitError} /> : null}
          <View className="page__actions">
            <Button className="btn btn--primary" disabled={busy} onClick={() => void save()}>
              {busy ? '正在保存…' : '保存'}
            </Button>
            <Button className="btn btn--secondary" disabled={busy} onClick={() => setYear(undefined)}>
              不保存
            </Button>
          </View>
        </View>
      )}
    </Page>
  );
}
