// The family of one who died, as the monthly survivor benefit reads it
// (facts.relatives): the engine decides who qualifies — age, capacity loss,
// income or benefits, under the law of the date of death — and says why for
// each; the officer only records what the papers show. One block per
// relative, its fields wrapping on a phone.
import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import type { Schemas } from '../api/client';
import { BirthField } from './DateFields';

export type Relative = NonNullable<NonNullable<Schemas['BenefitRequest']['facts']>['relatives']>[number];

const relations = [
  { value: 'child', label: 'Con' },
  { value: 'spouse', label: 'Vợ hoặc chồng' },
  { value: 'parent', label: 'Cha đẻ, mẹ đẻ' },
  { value: 'parent_in_law', label: 'Cha, mẹ của vợ hoặc chồng' },
  { value: 'other', label: 'Thành viên khác đang phải nuôi dưỡng' },
];

export function newRelative(): Relative {
  return { relation: 'child', birth_date: '' };
}

type Props = {
  value: Relative[];
  onChange: (v: Relative[]) => void;
  fieldError: (field: string) => string | undefined;
};

export function RelativesEditor({ value, onChange, fieldError }: Props) {
  const set = (i: number, r: Partial<Relative>) => onChange(value.map((x, k) => (k === i ? { ...x, ...r } : x)));
  const err = (i: number, f: string) => fieldError(`facts.relatives[${i + 1}].${f}`);
  const num = (v: number | string) => (v === '' ? undefined : Number(v));
  return (
    <Stack gap="xs" w="100%" data-testid="relatives">
      {value.map((r, i) => (
        <Paper key={i} withBorder p="xs" data-relative={i + 1}>
          <Group align="flex-start" wrap="wrap" gap="xs">
            <Select label="Quan hệ" aria-label={`Quan hệ, thân nhân ${i + 1}`} data={relations} value={r.relation} allowDeselect={false}
              onChange={(v) => v && set(i, { relation: v as Relative['relation'] })} w={250} error={err(i, 'relation')} />
            {r.relation !== 'child' && (
              <Select label="Giới tính" aria-label={`Giới tính, thân nhân ${i + 1}`} w={110} value={r.sex ?? null}
                data={[{ value: 'female', label: 'Nữ' }, { value: 'male', label: 'Nam' }]}
                onChange={(v) => set(i, { sex: (v ?? undefined) as Relative['sex'] })} error={err(i, 'sex')} />
            )}
            <BirthField label="Ngày sinh" aria-label={`Ngày sinh, thân nhân ${i + 1}`} value={r.birth_date}
              onChange={(v) => set(i, { birth_date: v })} error={err(i, 'birth_date')} />
            <TextInput label="Họ tên" aria-label={`Họ tên, thân nhân ${i + 1}`} value={r.name ?? ''} w={180}
              onChange={(e) => set(i, { name: e.currentTarget.value || undefined })} />
            <NumberInput label="Suy giảm KNLĐ (%)" aria-label={`Suy giảm khả năng lao động, thân nhân ${i + 1}`} min={0} max={100} w={150}
              value={r.capacity_loss_pct ?? ''} onChange={(v) => set(i, { capacity_loss_pct: num(v) })} error={err(i, 'capacity_loss_pct')} />
            <NumberInput label="Thu nhập hằng tháng (đồng)" aria-label={`Thu nhập hằng tháng, thân nhân ${i + 1}`} min={0} w={190}
              thousandSeparator="." decimalSeparator="," value={r.monthly_income ?? ''}
              onChange={(v) => set(i, { monthly_income: num(v) })} error={err(i, 'monthly_income')}
              description="Luật 2014: phải thấp hơn mức lương cơ sở" />
            <NumberInput label="Lương hưu, trợ cấp hằng tháng (đồng)" aria-label={`Lương hưu, trợ cấp hằng tháng, thân nhân ${i + 1}`} min={0} w={230}
              thousandSeparator="." decimalSeparator="," value={r.monthly_benefit ?? ''}
              onChange={(v) => set(i, { monthly_benefit: num(v) })} error={err(i, 'monthly_benefit')} />
            <NumberInput label="Số người chết khác đang hưởng tuất" aria-label={`Số người chết khác đang hưởng tuất, thân nhân ${i + 1}`}
              min={0} max={10} w={270} value={r.other_deaths ?? ''} onChange={(v) => set(i, { other_deaths: num(v) || undefined })}
              error={err(i, 'other_deaths')} description="Tối đa 2 lần mức trợ cấp tuất hằng tháng" />
            <Stack gap={4} mt={26}>
              <Checkbox label="Đang đi làm, đóng BHXH bắt buộc" checked={!!r.salaried_insured}
                onChange={(e) => set(i, { salaried_insured: e.currentTarget.checked || undefined })} />
              <Checkbox label="Không có người trực tiếp nuôi dưỡng" checked={!!r.no_carer}
                onChange={(e) => set(i, { no_carer: e.currentTarget.checked || undefined })} />
            </Stack>
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Xoá thân nhân ${i + 1}`}
              onClick={() => onChange(value.filter((_, k) => k !== i))}>
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, newRelative()])}>
          Thêm thân nhân
        </Button>
      </Group>
    </Stack>
  );
}
