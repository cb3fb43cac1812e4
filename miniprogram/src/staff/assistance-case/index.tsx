// 援助对象: one hard-to-employ person's assistance case — its steps with their due dates (late ones
// in red), the specialist (the street's administrator assigns one), the contact and the plan (F31),
// the posts offered with their interviews and results, and the agreement (F32). Each action is
// its own form on this page, one at a time; what the server refuses shows beside its field.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import {
  CONTACT_METHODS,
  INTERVIEW_RESULTS,
  PLAN_SERVICE_KINDS,
  STABILITIES,
  assignSpecialist,
  canBeSpecialist,
  contactMethodLabels,
  getAssistanceCase,
  interviewResultLabels,
  listStaff,
  planServiceLabels,
  putAssistancePlan,
  recordAssistanceContact,
  recordAssistanceInterview,
  listWelfarePosts,
  placeInWelfarePost,
  recordAssistanceFollowUp,
  recordAssistanceInterviewResult,
  recordPaperAgreement,
  stabilityLabels,
  todayInChina,
  type AssistanceCase,
  type AssistanceOffer,
  type ContactMethod,
  type InterviewResult,
  type PlanServiceKind,
  type Stability,
  type StaffMember,
  type WelfarePost,
} from '@doorstep/shared';
import { DateField } from '../../components/DateField';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PhotoField } from '../../components/PhotoField';
import { ChoiceToggles } from '../../components/Toggles';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { newIdempotencyKey, request } from '../../services/request';
import '../../styles/page.scss';
import '../reviews/index.scss';
import './index.scss';

type Mode = { kind: 'view' } | { kind: 'assign' } | { kind: 'contact' } | { kind: 'plan' } | { kind: 'interview'; offer: AssistanceOffer } | { kind: 'result'; offer: AssistanceOffer } | { kind: 'paper' } | { kind: 'followUp' } | { kind: 'welfare'; key: string };
type Service = { kind: PlanServiceKind | undefined; what: string; by: string };

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

export default function AssistanceCasePage() {
  const { params } = useRouter();
  const { session, data: c, setData, gate } = usePageData(async () => (await request(getAssistanceCase, { params: { id: params.id ?? '' } })).case);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [staff, setStaff] = useState<StaffMember[]>();
  const [form, setForm] = useState<Record<string, string>>({});
  const [services, setServices] = useState<Service[]>([]);
  const [accompanied, setAccompanied] = useState(true);
  const [posts, setPosts] = useState<WelfarePost[]>();
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;

  if (gate || !c) return gate;
  const user = session!.user;
  const isSpecialist = c.specialist?.id === user.id;
  const isAdmin = user.roles.includes('admin') && user.level !== 'community';
  const today = todayInChina();
  const set = (key: string) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    submission.clear([key]);
  };
  // An action answers with the case as changed; where she lives comes only with the first read.
  const done = (next: AssistanceCase) => {
    setData({ ...next, ...(c.home && !next.home ? { home: c.home } : {}) });
    setMode({ kind: 'view' });
    setForm({});
  };
  const open = (next: Mode) => {
    setForm({});
    submission.reset();
    setMode(next);
  };

  async function startAssign() {
    open({ kind: 'assign' });
    const found: StaffMember[] = [];
    let cursor: string | undefined;
    // The street and its communities: a few pages at most.
    for (let i = 0; i < 5; i += 1) {
      const page = await request(listStaff, { query: cursor ? { cursor } : {} });
      found.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    setStaff(found.filter((m) => canBeSpecialist(m, c!.areaCode)));
  }

  function startPlan() {
    open({ kind: 'plan' });
    setForm({ causes: c!.plan?.causes ?? '', goals: c!.plan?.goals ?? '' });
    setServices(c!.plan?.services.map((s) => ({ kind: s.kind, what: s.what, by: s.by })) ?? [{ kind: 'post', what: '', by: '' }]);
  }

  const back = (
    <Button className="btn btn--secondary" onClick={() => setMode({ kind: 'view' })}>
      返回
    </Button>
  );
  const actions = (label: string, send: () => void) => (
    <>
      {submitError ? <Notice message={submitError} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={send}>
          {busy ? '正在提交…' : label}
        </Button>
        {back}
      </View>
    </>
  );
  const header = (title: string) => (
    <>
      <Text className="page__title">{title}</Text>
      <Text className="page__lead">{`${c.personName} · ${c.areaName}`}</Text>
    </>
  );

  if (mode.kind === 'assign') {
    const chosen = form.staffId;
    return (
      <Page>
        {header('指派援助专员')}
        <FormField label="援助专员" required hint="本街道或所辖社区的工作人员" error={errors.staffId}>
          {!staff ? <Text className="page__loading">正在加载…</Text> : null}
          {staff && staff.length === 0 ? <Text className="page__lead">本街道还没有可以指派的工作人员，请先在“人员与权限”里添加。</Text> : null}
          {staff?.length ? <ChoiceToggles options={staff.map((m) => ({ value: m.userId, label: `${m.name}（${m.areaName}）` }))} chosen={chosen} onChange={set('staffId')} /> : null}
        </FormField>
        {actions('确认指派', () => {
          if (!chosen) return submission.refuse({ staffId: '请选择援助专员' });
          void submission.send(async () => done((await request(assignSpecialist, { params: { id: c.id }, body: { staffId: chosen, version: c.version } })).case));
        })}
      </Page>
    );
  }

  if (mode.kind === 'contact') {
    return (
      <Page>
        {header('记录联系情况')}
        <FormField label="联系方式" required error={errors.how}>
          <ChoiceToggles options={options(CONTACT_METHODS, contactMethodLabels)} chosen={form.how as ContactMethod | undefined} onChange={set('how')} />
        </FormField>
        <FormField label="联系日期" required error={errors.on}>
          <DateField value={form.on ?? ''} placeholder="请选择日期" end={today} onChange={set('on')} />
        </FormField>
        <FormField label="谈了什么" required hint="本人的情况、意愿，商定了什么" error={errors.note}>
          <Textarea className="text-input text-input--multiline" value={form.note ?? ''} maxlength={300} autoHeight placeholder="例如：电话联系，本人希望在家附近做坐着的工作" onInput={(e) => set('note')(e.detail.value)} />
        </FormField>
        {actions('保存', () => {
          const missing = { ...(!form.how ? { how: '请选择联系方式' } : {}), ...(!form.on ? { on: '请选择联系日期' } : {}), ...((form.note ?? '').trim().length < 2 ? { note: '请写明联系的情况' } : {}) };
          if (Object.keys(missing).length) return submission.refuse(missing);
          void submission.send(async () => done((await request(recordAssistanceContact, { params: { id: c.id }, body: { how: form.how as ContactMethod, on: form.on!, note: form.note!.trim() } })).case));
        })}
      </Page>
    );
  }

  if (mode.kind === 'plan') {
    const setService = (i: number, patch: Partial<Service>) => {
      setServices((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
      submission.clear([`services.${i}`]);
    };
    return (
      <Page>
        {header(c.plan ? '调整援助方案' : '制定援助方案')}
        <FormField label="未就业的原因" required error={errors.causes}>
          <Textarea className="text-input text-input--multiline" value={form.causes ?? ''} maxlength={300} autoHeight placeholder="本人说的原因，例如：腿脚不便，原单位关停" onInput={(e) => set('causes')(e.detail.value)} />
        </FormField>
        <FormField label="援助目标" required error={errors.goals}>
          <Textarea className="text-input text-input--multiline" value={form.goals ?? ''} maxlength={300} autoHeight placeholder="例如：三个月内在家附近找到工作" onInput={(e) => set('goals')(e.detail.value)} />
        </FormField>
        <Text className="section-title">援助服务</Text>
        {errors.services ? <Notice message={errors.services} /> : null}
        {services.map((s, i) => (
          <View key={i} className="case-service">
            <FormField label={`第${i + 1}项`} required error={errors[`services.${i}.kind`]}>
              <ChoiceToggles options={options(PLAN_SERVICE_KINDS, planServiceLabels)} chosen={s.kind} onChange={(kind) => setService(i, { kind })} />
            </FormField>
            <FormField label="具体内容" required error={errors[`services.${i}.what`]}>
              <Input className="text-input" value={s.what} maxlength={100} placeholder="例如：推荐社区超市收银岗位" onInput={(e) => setService(i, { what: e.detail.value })} />
            </FormField>
            <FormField label="完成日期" required error={errors[`services.${i}.by`]}>
              <DateField value={s.by} placeholder="请选择日期" start={today} end={`${Number(today.slice(0, 4)) + 1}-12-31`} initial={today} onChange={(by) => setService(i, { by })} />
            </FormField>
            {services.length > 1 ? (
              <Button className="btn btn--secondary" onClick={() => setServices((list) => list.filter((_, j) => j !== i))}>
                删除这一项
              </Button>
            ) : null}
          </View>
        ))}
        {services.length < 10 ? (
          <Button className="btn btn--secondary" onClick={() => setServices((list) => [...list, { kind: undefined, what: '', by: '' }])}>
            再加一项服务
          </Button>
        ) : null}
        {actions('保存方案', () => {
          const missing: Record<string, string> = {};
          if ((form.causes ?? '').trim().length < 2) missing.causes = '请写明未就业的原因';
          if ((form.goals ?? '').trim().length < 2) missing.goals = '请写明援助目标';
          services.forEach((s, i) => {
            if (!s.kind) missing[`services.${i}.kind`] = '请选择服务类别';
            if (s.what.trim().length < 2) missing[`services.${i}.what`] = '请写明具体内容';
            if (!s.by) missing[`services.${i}.by`] = '请选择完成日期';
          });
          if (Object.keys(missing).length) return submission.refuse(missing);
          void submission.send(async () =>
            done(
              (
                await request(putAssistancePlan, {
                  params: { id: c.id },
                  body: { causes: form.causes!.trim(), goals: form.goals!.trim(), services: services.map((s) => ({ kind: s.kind!, what: s.what.trim(), by: s.by })), version: c.version },
                })
              ).case,
            ),
          );
        })}
      </Page>
    );
  }

  if (mode.kind === 'interview') {
    return (
      <Page>
        {header('记录面试')}
        <DetailRow label="岗位" value={`${mode.offer.employerName} · ${mode.offer.title}`} />
        <FormField label="面试日期" required hint="面试5天后会提醒您回访结果" error={errors.on}>
          <DateField value={form.on ?? ''} placeholder="请选择日期" start={mode.offer.on} initial={today} end={`${Number(today.slice(0, 4)) + 1}-12-31`} onChange={set('on')} />
        </FormField>
        <FormField label="是否陪同面试" required>
          <ChoiceToggles options={[{ value: 'yes', label: '陪同面试' }, { value: 'no', label: '本人自己去' }]} chosen={accompanied ? 'yes' : 'no'} onChange={(v) => setAccompanied(v === 'yes')} />
        </FormField>
        {actions('保存', () => {
          if (!form.on) return submission.refuse({ on: '请选择面试日期' });
          void submission.send(async () => done((await request(recordAssistanceInterview, { params: { id: c.id, code: mode.offer.code }, body: { on: form.on!, accompanied } })).case));
        })}
      </Page>
    );
  }

  if (mode.kind === 'result') {
    return (
      <Page>
        {header('回访面试结果')}
        <DetailRow label="岗位" value={`${mode.offer.employerName} · ${mode.offer.title}`} />
        <FormField label="面试结果" required error={errors.result}>
          <ChoiceToggles options={options(INTERVIEW_RESULTS, interviewResultLabels)} chosen={form.result as InterviewResult | undefined} onChange={set('result')} />
        </FormField>
        <FormField label="回访情况" required hint="录用的：何时上岗；未录用的：原因，下一步" error={errors.note}>
          <Textarea className="text-input text-input--multiline" value={form.note ?? ''} maxlength={300} autoHeight placeholder="例如：单位要求会用电脑，继续推荐" onInput={(e) => set('note')(e.detail.value)} />
        </FormField>
        {actions('保存', () => {
          const missing = { ...(!form.result ? { result: '请选择面试结果' } : {}), ...((form.note ?? '').trim().length < 2 ? { note: '请写明回访情况' } : {}) };
          if (Object.keys(missing).length) return submission.refuse(missing);
          void submission.send(async () => done((await request(recordAssistanceInterviewResult, { params: { id: c.id, code: mode.offer.code }, body: { result: form.result as InterviewResult, note: form.note!.trim() } })).case));
        })}
      </Page>
    );
  }

  if (mode.kind === 'followUp') {
    return (
      <Page>
        {header('跟踪回访')}
        <Text className="page__lead">问问现在的工作、收入、社保和享受的政策，提醒劳动权益；有空也去单位了解表现。</Text>
        <FormField label="回访日期" required error={errors.on}>
          <DateField value={form.on ?? ''} placeholder="请选择日期" start={c.placedOn} end={today} onChange={set('on')} />
        </FormField>
        <FormField label="就业是否稳定" required hint="稳定的每月回访一次，不稳定的每10天，家庭困难需就近的每周" error={errors.stability}>
          <ChoiceToggles options={options(STABILITIES, stabilityLabels)} chosen={form.stability as Stability | undefined} onChange={set('stability')} />
        </FormField>
        <FormField label="回访情况" required error={errors.note}>
          <Textarea className="text-input text-input--multiline" value={form.note ?? ''} maxlength={300} autoHeight placeholder="例如：上岗顺利，已缴社保" onInput={(e) => set('note')(e.detail.value)} />
        </FormField>
        {actions('保存', () => {
          const missing = { ...(!form.on ? { on: '请选择回访日期' } : {}), ...(!form.stability ? { stability: '请选择就业是否稳定' } : {}), ...((form.note ?? '').trim().length < 2 ? { note: '请写明回访情况' } : {}) };
          if (Object.keys(missing).length) return submission.refuse(missing);
          void submission.send(async () => done((await request(recordAssistanceFollowUp, { params: { id: c.id }, body: { on: form.on!, stability: form.stability as Stability, note: form.note!.trim() } })).case));
        })}
      </Page>
    );
  }

  if (mode.kind === 'welfare') {
    const free = posts?.filter((p) => p.filled < p.seats) ?? [];
    return (
      <Page>
        {header('托底安置到公益性岗位')}
        <Text className="page__lead">本街道已确认、还有名额的公益性岗位。安置后按上岗跟踪回访。</Text>
        <FormField label="岗位" required error={errors.postId}>
          {!posts ? <Text className="page__loading">正在加载…</Text> : null}
          {posts && free.length === 0 ? <Text className="page__lead">本街道暂时没有空余名额的公益性岗位。</Text> : null}
          {free.length ? <ChoiceToggles options={free.map((p) => ({ value: p.id, label: `${p.unitName} · ${p.title}（余${p.seats - p.filled}个）` }))} chosen={form.postId} onChange={set('postId')} /> : null}
        </FormField>
        <FormField label="上岗日期" required error={errors.from}>
          <DateField value={form.from ?? ''} placeholder="请选择日期" start={today} initial={today} end={`${Number(today.slice(0, 4)) + 1}-12-31`} onChange={set('from')} />
        </FormField>
        <FormField label="岗位期限至" required hint="一般不超过3年" error={errors.until}>
          <DateField value={form.until ?? ''} placeholder="请选择日期" start={form.from || today} initial={`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`} end={`${Number(today.slice(0, 4)) + 4}-12-31`} onChange={set('until')} />
        </FormField>
        {actions('确认安置', () => {
          const missing = { ...(!form.postId ? { postId: '请选择岗位' } : {}), ...(!form.from ? { from: '请选择上岗日期' } : {}), ...(!form.until ? { until: '请选择期限' } : {}) };
          if (Object.keys(missing).length) return submission.refuse(missing);
          void submission.send(async () => {
            await request(placeInWelfarePost, { params: { id: c.id }, body: { postId: form.postId!, from: form.from!, until: form.until! }, idempotencyKey: mode.key });
            done((await request(getAssistanceCase, { params: { id: c.id } })).case);
          });
        })}
      </Page>
    );
  }

  if (mode.kind === 'paper') {
    return (
      <Page>
        {header('上传纸质协议书')}
        <Text className="page__lead">本人没有手机的，请打印协议书，双方签字后拍照上传。</Text>
        <FormField label="签好字的协议书" required error={errors.photoKey}>
          <PhotoField purpose="evidence" value={form.photoKey ?? ''} onChange={set('photoKey')} buttonText="拍照或从相册选择" />
        </FormField>
        {actions('保存', () => {
          if (!form.photoKey) return submission.refuse({ photoKey: '请上传协议书照片' });
          void submission.send(async () => done((await request(recordPaperAgreement, { params: { id: c.id }, body: { photoKey: form.photoKey! } })).case));
        })}
      </Page>
    );
  }

  const canOffer = (isSpecialist || isAdmin) && c.status !== 'closed' && c.home;
  return (
    <Page>
      <Text className="page__title">{c.personName}</Text>
      <Text className="page__lead">{`${c.areaName} · ${c.recognisedOn} 认定为就业困难人员`}</Text>
      <View className="card">
        <Text className="card__title">{c.statusName}</Text>
        {c.steps.map((s) => (
          <View key={s.name} className="line-item">
            <Text className="line-item__title">{`${s.done ? '✓ ' : ''}${s.name}`}</Text>
            <Text className={`line-item__meta${!s.done && s.due < today ? ' line-item__meta--alert' : ''}`}>
              {s.done ? `期限 ${s.due}，${s.onTime === false ? '逾期办理' : '按期办理'}` : `${s.due} 前${s.due < today ? '（已逾期）' : ''}`}
            </Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="card__title">援助专员</Text>
        {c.specialist ? (
          <>
            <DetailRow label="姓名" value={c.specialist.name} />
            <DetailRow label="电话" value={c.specialist.phone} />
            <DetailRow label="单位" value={c.specialist.areaName} />
          </>
        ) : (
          <Text className="page__lead">还没有指派援助专员。</Text>
        )}
        {isAdmin && c.status !== 'closed' && !c.contact ? (
          <Button className={`btn ${c.specialist ? 'btn--secondary' : 'btn--primary'}`} onClick={() => void startAssign()}>
            {c.specialist ? '更换援助专员' : '指派援助专员'}
          </Button>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">联系本人</Text>
        {c.contact ? (
          <>
            <DetailRow label="方式" value={`${c.contact.howName}，${c.contact.on}`} />
            <DetailRow label="情况" value={c.contact.note} />
          </>
        ) : (
          <Text className="page__lead">{c.specialist ? '援助专员还没有记录联系情况。' : '指派援助专员后由援助专员联系。'}</Text>
        )}
        {isSpecialist && !c.contact ? (
          <Button className="btn btn--primary" onClick={() => open({ kind: 'contact' })}>
            记录联系情况
          </Button>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">援助方案</Text>
        {c.plan ? (
          <>
            <DetailRow label="原因" value={c.plan.causes} />
            <DetailRow label="目标" value={c.plan.goals} />
            {c.plan.services.map((s, i) => (
              <DetailRow key={i} label={s.kindName} value={`${s.what}（${s.by} 前）`} />
            ))}
          </>
        ) : (
          <Text className="page__lead">还没有援助方案。</Text>
        )}
        {isSpecialist ? (
          <Button className={`btn ${c.plan ? 'btn--secondary' : 'btn--primary'}`} onClick={startPlan}>
            {c.plan ? '调整援助方案' : '制定援助方案'}
          </Button>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">推荐的岗位</Text>
        {c.offers.length === 0 ? <Text className="page__lead">还没有推荐岗位。认定后2日内至少推荐两个。</Text> : null}
        {c.offers.map((o) => (
          <View key={o.code} className="case-offer">
            <Text className="case-offer__title">{`${o.employerName} · ${o.title}`}</Text>
            <Text className="case-offer__meta">{`${o.on} 推荐，核验码 ${o.code}`}</Text>
            {o.interviewOn ? <Text className="case-offer__meta">{`${o.interviewOn} 面试${o.accompanied ? '（陪同）' : ''}`}</Text> : null}
            {o.result ? <Text className="case-offer__meta">{`${o.resultName}：${o.resultNote}`}</Text> : null}
            {isSpecialist && !o.result ? (
              <View className="page__actions">
                <Button className="btn btn--secondary" onClick={() => open({ kind: 'interview', offer: o })}>
                  {o.interviewOn ? '面试改期' : '记录面试'}
                </Button>
                <Button className="btn btn--secondary" onClick={() => open({ kind: 'result', offer: o })}>
                  回访面试结果
                </Button>
              </View>
            ) : null}
          </View>
        ))}
        {isSpecialist && c.status === 'in_progress' ? (
          <Button
            className="btn btn--secondary"
            onClick={() => {
              open({ kind: 'welfare', key: newIdempotencyKey() });
              setPosts(undefined);
              void request(listWelfarePosts, { query: { status: 'confirmed' } }).then((r) => setPosts(r.items), () => setPosts([]));
            }}
          >
            托底安置到公益性岗位
          </Button>
        ) : null}
        {canOffer ? (
          <Button
            className="btn btn--primary"
            onClick={() =>
              Taro.navigateTo({ url: `/staff/refer/index?personId=${c.personId}&caseId=${c.id}&name=${encodeURIComponent(c.personName)}&lat=${c.home!.lat}&lng=${c.home!.lng}` })
            }
          >
            从附近岗位推荐
          </Button>
        ) : null}
      </View>

      {c.placedOn || c.closedOn ? (
        <View className="card">
          <Text className="card__title">上岗后跟踪回访</Text>
          {c.placedOn ? <DetailRow label="上岗日期" value={c.placedOn} /> : null}
          {c.followUps.map((f, i) => (
            <DetailRow key={i} label={f.on} value={`${f.stabilityName}：${f.note}`} />
          ))}
          {c.closedOn ? <Text className="page__lead">{`${c.closedOn} 稳定就业，已结案。`}</Text> : null}
          {isSpecialist && c.status === 'placed' ? (
            <Button className="btn btn--primary" onClick={() => open({ kind: 'followUp' })}>
              记录回访
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className="card">
        <Text className="card__title">就业援助协议书</Text>
        <Text className="page__lead">
          {c.agreement ? `已于 ${c.agreement.signedOn} 签署（${c.agreement.how === 'app' ? '本人在小程序签署' : '纸质协议，已上传照片'}）` : c.specialist ? '本人还没有签署。有手机的在小程序“我的就业援助”里签署。' : '指派援助专员后签署。'}
        </Text>
        {isSpecialist && !c.agreement ? (
          <Button className="btn btn--secondary" onClick={() => open({ kind: 'paper' })}>
            上传纸质协议书
          </Button>
        ) : null}
      </View>

      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回台账
        </Button>
      </View>
    </Page>
  );
}
