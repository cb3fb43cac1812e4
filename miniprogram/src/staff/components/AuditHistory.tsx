// A record's history from its audit chain, and whether the chain verifies (staff pages).
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { getAuditTrail, type AuditEventView } from '@doorstep/shared';
import { Timeline } from '../../components/Timeline';
import { request } from '../../services/request';

const ACTION_LABELS: Record<string, string> = {
  close: '停止招聘',
  submit: '本人提交申请',
  submit_assisted: '社区工作人员代为提交',
  record: '登记',
  approve: '审核通过',
  reject: '未通过',
  member_joined: '新成员加入',
  update: '修改信息',
};

const CREATED: Record<string, string> = { Employer: '提交入驻', Vacancy: '提交岗位', PersonApplication: '提交申请' };

function label(e: AuditEventView, type: string): string {
  // 亲情代办: a step a family member took for the person says so.
  const byProxy = e.proxyId ? '（家属代办）' : '';
  if (e.action === 'create') return `${CREATED[type] ?? '提交'}${byProxy}`;
  if (e.action === 'approve' && e.toState === 'pending_district') return '街道初审通过，转区级确认';
  return `${ACTION_LABELS[e.action] ?? e.action}${byProxy}`;
}

export function AuditHistory({ type, id }: { type: 'Employer' | 'PersonApplication' | 'Vacancy'; id: string }) {
  const [trail, setTrail] = useState<{ events: AuditEventView[]; verified: boolean }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    request(getAuditTrail, { params: { entityType: type, id } })
      .then(setTrail)
      .catch((err: Error) => setError(err.message));
  }, [type, id]);

  if (error) return <Text className="audit-history__error">办理记录暂时无法显示：{error}</Text>;
  if (!trail) return <Text className="audit-history__note">正在加载办理记录…</Text>;
  return (
    <View className="audit-history">
      <Timeline entries={trail.events.map((e) => ({ at: e.at, label: label(e, type), status: e.toState, ...(e.reason ? { reason: e.reason } : {}) }))} />
      <Text className={trail.verified ? 'audit-history__note' : 'audit-history__error'}>
        {trail.verified ? '办理记录完整，未被改动（审计链校验通过）' : '办理记录校验未通过，可能被改动，请报告管理员'}
      </Text>
    </View>
  );
}
