// 培训班: everything about a course, and signing up — with a training voucher if the person holds
// one the course accepts (it is used when they complete, not now). Full courses take people into
// the waitlist, in order. With `?personId=&name=` community staff sign up a resident (代报).
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  courseIsFull,
  courseLevelLabels,
  courseTypeLabels,
  enrol,
  enrolmentLabel,
  fenToYuanText,
  getCourse,
  listMyVouchers,
  recognisedCategoryLabels,
  type Enrolment,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { newIdempotencyKey, request } from '../../services/request';
import { feeText, seatsText } from '../components/CourseCard';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

export default function CoursePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const personId = params.personId;
  const name = decodeURIComponent(params.name ?? '');
  const { data, gate } = usePageData(async () => {
    const { course } = await request(getCourse, { params: { id } });
    // The person's own claimed vouchers this course takes (staff cannot see a resident's wallet).
    const accepted = new Set(course.acceptedProgrammes.map((p) => p.id));
    const vouchers = personId || accepted.size === 0 ? [] : (await request(listMyVouchers)).items.filter((v) => v.status === 'claimed' && accepted.has(v.programmeId));
    return { course, vouchers };
  }, [id]);
  const [voucherId, setVoucherId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [result, setResult] = useState<Enrolment>();
  // One key per sign-up: a retry after a lost answer is the same sign-up.
  const key = useRef(newIdempotencyKey());

  async function signUp() {
    if (!data) return;
    const c = data.course;
    const full = courseIsFull(c);
    const voucher = data.vouchers.find((v) => v.id === voucherId);
    const { confirm } = await Taro.showModal({
      title: personId ? `为${name}报名？` : '报名这个培训班？',
      content: `${c.title}，${c.schedule.startsOn} 开班。${full ? '名额已满，报名后进入候补，有人取消时按先后递补。' : ''}${voucher ? `用“${voucher.programmeName}”抵学费，结业时核销。` : ''}`,
      confirmText: full ? '候补报名' : '报名',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const body = { ...(voucherId ? { voucherId } : {}), ...(personId ? { personId } : {}) };
      setResult((await request(enrol, { params: { id }, body, idempotencyKey: key.current })).enrolment);
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (gate || !data) return gate;
  const c = data.course;

  if (result) {
    return (
      <Page>
        <Text className="page__title">{result.status === 'enrolled' ? '报名成功' : '已进入候补'}</Text>
        <View className="card">
          <Text className={`enrol-status enrol-status--${result.status}`}>{enrolmentLabel(result)}</Text>
          <DetailRow label="培训班" value={c.title} />
          <DetailRow label="开班" value={`${c.schedule.startsOn} ${c.schedule.timetable}`} />
          <DetailRow label="地点" value={`${c.place.areaName} ${c.place.address}`} />
          {c.materials.length ? <DetailRow label="请带上" value={c.materials.join('、')} /> : null}
          <Text className="card__subtitle">
            {result.status === 'enrolled' ? '开班前请按时到。不能去了请在报名截止前取消，把名额让给别人。' : '有人取消时按先后递补，递补上了会通知您。'}
          </Text>
        </View>
        <View className="page__actions">
          {personId ? null : (
            <Button className="btn btn--primary" onClick={() => Taro.redirectTo({ url: '/training/enrolments/index' })}>
              查看我的培训
            </Button>
          )}
          <Button className="btn btn--secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">{c.title}</Text>
      <View className="card course-card">
        <Text className="course-card__seats">{seatsText(c)}</Text>
        <DetailRow label="培训机构" value={c.providerName} />
        <DetailRow label="工种" value={`${c.occupationName}（${courseLevelLabels[c.level]}）`} />
        <DetailRow label="类型" value={courseTypeLabels[c.type]} />
        <DetailRow label="时间" value={`${c.schedule.startsOn} 至 ${c.schedule.endsOn}，${c.schedule.timetable}，共 ${c.schedule.days} 天`} />
        <DetailRow label="地点" value={`${c.place.areaName} ${c.place.address}`} />
        <DetailRow label="费用" value={feeText(c)} />
        {c.acceptedProgrammes.length ? <DetailRow label="可用的券" value={c.acceptedProgrammes.map((p) => p.name).join('、')} /> : null}
        {c.eligibleGroups.length ? <DetailRow label="补贴对象" value={c.eligibleGroups.map((g) => recognisedCategoryLabels[g]).join('、')} /> : null}
        {c.materials.length ? <DetailRow label="报名材料" value={c.materials.join('、')} /> : null}
        <DetailRow label="报名截止" value={c.signUpDeadline} />
      </View>

      {data.vouchers.length ? (
        <View className="card">
          <Text className="card__title">用培训券抵学费</Text>
          <Text className="card__subtitle">券在您结业时才核销；取消报名或没有结业，券还给您。</Text>
          <View className="toggle-row">
            <Text className={`toggle ${!voucherId ? 'toggle--on' : ''}`} onClick={() => setVoucherId(undefined)}>
              不用券
            </Text>
            {data.vouchers.map((v) => (
              <Text key={v.id} className={`toggle ${voucherId === v.id ? 'toggle--on' : ''}`} onClick={() => setVoucherId(v.id)}>
                {v.programmeName}（{fenToYuanText(v.faceValueFen)} 元）
              </Text>
            ))}
          </View>
        </View>
      ) : null}

      {message ? <Notice message={message} /> : null}
      <View className="page__actions">
        {c.open ? (
          <Button className="btn btn--primary" disabled={busy} onClick={signUp}>
            {busy ? '正在报名…' : personId ? `为${name}报名` : courseIsFull(c) ? '候补报名' : '我要报名'}
          </Button>
        ) : (
          <Notice kind="info" message="报名已经截止了。" />
        )}
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
