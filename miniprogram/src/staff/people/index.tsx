// 人员与权限 (administrators): the staff of the area with their level, roles, who added them and
// when; inviting a new one (a code to pass on); moving someone or changing their roles; removing
// them — each change confirmed, each counting from that person's next tap.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  chinaDateTimeText,
  cancelStaffInvitation,
  inviteStaff,
  inviteStaffBodySchema,
  listStaff,
  removeStaff,
  STAFF_ROLES,
  staffLevelLabels,
  staffRoleLabels,
  updateStaff,
  type StaffMember,
  type StaffRole,
} from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { Toggles } from '../../components/Toggles';
import { check } from '../../hooks/fieldErrors';
import { useAction } from '../../hooks/useAction';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { StaffAreaPicker } from '../components/StaffAreaPicker';
import '../../styles/page.scss';
import './index.scss';

const rolesText = (roles: readonly StaffRole[]) => roles.map((r) => staffRoleLabels[r].replace(/（.*$/, '')).join('、');

function InviteForm({ root, rootName, mayGive, onSent }: { root: string; rootName: string; mayGive: StaffRole[]; onSent(): void }) {
  const [form, setForm] = useState({ name: '', phone: '', areaCode: root, roles: ['staff'] as string[] });
  const [sent, setSent] = useState<{ code: string; phone: string; name: string }>();
  const { errors, busy, submitError, refuse, send, clear } = useFormSubmit();
  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    clear(Object.keys(patch));
  };

  async function submit() {
    const checked = check(inviteStaffBodySchema, form);
    if (!checked.body) return refuse(checked.errors);
    const body = checked.body;
    await send(async () => {
      const { code, invitation } = await request(inviteStaff, { body });
      setSent({ code, phone: invitation.phone, name: invitation.name });
      onSent();
    });
  }

  if (sent) {
    return (
      <View className="card" id="staff-code">
        <Text className="card__title">加入码已生成</Text>
        <Text className="consent__text">{`请告诉${sent.name}（${sent.phone}）：用自己的微信打开「家门口就业」→ 我的 → 工作人员加入，输入手机号和加入码。7 天内有效。`}</Text>
        <Text className="staff-code">{sent.code}</Text>
        <Button className="btn btn--secondary" onClick={() => setSent(undefined)}>
          再邀请一位
        </Button>
      </View>
    );
  }
  return (
    <View className="card">
      <Text className="card__title">邀请工作人员</Text>
      <FormField label="姓名" required error={errors.name}>
        <Input className="text-input" maxlength={30} value={form.name} placeholder="工作人员的姓名" onInput={(e) => update({ name: e.detail.value })} />
      </FormField>
      <FormField label="手机号" required hint="对方接受邀请时要输入这个号码" error={errors.phone}>
        <Input className="text-input" type="number" maxlength={11} value={form.phone} placeholder="11位手机号" onInput={(e) => update({ phone: e.detail.value })} />
      </FormField>
      <FormField label="工作辖区" required error={errors.areaCode}>
        <StaffAreaPicker root={root} rootName={rootName} value={form.areaCode} onChange={(areaCode) => update({ areaCode })} />
      </FormField>
      <FormField label="权限" required hint="管理员只能设在下级区域" error={errors.roles}>
        <Toggles options={mayGive.map((r) => ({ value: r, label: staffRoleLabels[r] }))} chosen={form.roles} onChange={(roles) => update({ roles })} />
      </FormField>
      {submitError ? <Notice message={submitError} /> : null}
      <Button className="btn btn--primary" disabled={busy} onClick={() => void submit()}>
        {busy ? '正在生成…' : '生成加入码'}
      </Button>
    </View>
  );
}

function MemberCard({ m, root, rootName, mayGive, act, busy }: { m: StaffMember; root: string; rootName: string; mayGive: StaffRole[]; act(run: () => Promise<unknown>): Promise<void>; busy: boolean }) {
  const [editing, setEditing] = useState(false);
  const [area, setArea] = useState({ code: m.areaCode, name: m.areaName });
  const [roles, setRoles] = useState<string[]>(m.roles);

  async function save() {
    const { confirm } = await Taro.showModal({ title: `修改${m.name}的辖区或权限？`, content: `改为：${area.name}，${rolesText(roles as StaffRole[]) || '无权限'}。对方下一次操作起按新的辖区和权限办理。`, confirmText: '修改', cancelText: '不改' });
    if (confirm) await act(async () => {
      await request(updateStaff, { params: { userId: m.userId }, body: { version: m.version, areaCode: area.code, roles: roles as StaffRole[] } });
      setEditing(false);
    });
  }

  async function remove() {
    const { confirm } = await Taro.showModal({ title: `移除${m.name}？`, content: '移除后对方下一次操作起不再是工作人员，不能再查看和办理本辖区的业务。以后可以重新邀请。', confirmText: '移除', cancelText: '不移除', confirmColor: '#b3261e' });
    if (confirm) await act(() => request(removeStaff, { params: { userId: m.userId } }));
  }

  return (
    <View className="card staff-member">
      <Text className="staff-member__name">{`${m.name} ${m.phone}`}</Text>
      <Text className="staff-member__meta">{`${m.areaName}（${staffLevelLabels[m.level]}）`}</Text>
      <Text className="staff-member__meta">{`权限：${rolesText(m.roles)}`}</Text>
      <Text className="staff-member__meta">{`${m.addedBy} 于 ${chinaDateTimeText(m.addedAt)} 添加`}</Text>
      {editing ? (
        <View className="stack">
          <StaffAreaPicker root={root} rootName={rootName} value={area.code} onChange={(code, name) => setArea({ code, name })} />
          <Toggles options={mayGive.map((r) => ({ value: r, label: staffRoleLabels[r] }))} chosen={roles} onChange={setRoles} />
          <Button className="btn btn--primary" disabled={busy} onClick={() => void save()}>
            保存修改
          </Button>
          <Button className="btn btn--secondary" onClick={() => setEditing(false)}>
            取消
          </Button>
        </View>
      ) : (
        <View className="page__actions">
          <Button className="btn btn--secondary" disabled={busy} onClick={() => setEditing(true)}>
            调整辖区或权限
          </Button>
          <Button className="btn btn--danger" disabled={busy} onClick={() => void remove()}>
            移除
          </Button>
        </View>
      )}
    </View>
  );
}

export default function StaffPeoplePage() {
  const { session, data, setData, reload, gate } = usePageData(() => request(listStaff, { query: {} }));
  const { busy, error, act } = useAction(reload);
  const [inviting, setInviting] = useState(false);



  async function withdraw(areaCode: string, phone: string, name: string) {
    const { confirm } = await Taro.showModal({ title: `撤回给${name}的邀请？`, content: '撤回后这个加入码不能再用。', confirmText: '撤回', cancelText: '不撤回' });
    if (confirm) await act(() => request(cancelStaffInvitation, { params: { areaCode, phone } }));
  }

  if (gate || !data || !session) return gate;
  const root = data.scope.areaCode;
  const rootName = data.scope.areaName;
  const mayGive = STAFF_ROLES.filter((r) => session.user.roles.includes(r));
  return (
    <Page>
      <Text className="page__title">人员与权限</Text>
      <Text className="page__lead">{`${rootName}及以下的工作人员。调整和移除从对方下一次操作起生效。`}</Text>
      {error ? <Notice message={error} /> : null}
      {inviting ? (
        <InviteForm root={root} rootName={rootName} mayGive={mayGive} onSent={() => void reload()} />
      ) : (
        <Button className="btn btn--primary" onClick={() => setInviting(true)}>
          邀请工作人员
        </Button>
      )}
      {data.invitations.length ? <Text className="card__title section-title">待接受的邀请</Text> : null}
      {data.invitations.map((i) => (
        <View key={`${i.areaCode}-${i.phone}`} className="card staff-member">
          <Text className="staff-member__name">{`${i.name} ${i.phone}`}</Text>
          <Text className="staff-member__meta">{`${i.areaName}：${rolesText(i.roles)}，${chinaDateTimeText(i.expiresAt)} 前有效`}</Text>
          <Button className="btn btn--secondary" disabled={busy} onClick={() => void withdraw(i.areaCode, i.phone, i.name)}>
            撤回邀请
          </Button>
        </View>
      ))}
      <Text className="card__title section-title">{`工作人员（${data.items.length}${data.nextCursor ? '+' : ''}）`}</Text>
      {data.items.length === 0 ? <Text className="staff-empty">还没有工作人员。</Text> : null}
      {data.items.map((m) => (
        <MemberCard key={`${m.userId}-${m.version}`} m={m} root={root} rootName={rootName} mayGive={mayGive} act={act} busy={busy} />
      ))}
      <LoadMore page={data} onPage={(next) => setData({ ...next, invitations: data.invitations })} fetchPage={(cursor) => request(listStaff, { query: { cursor } })} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
