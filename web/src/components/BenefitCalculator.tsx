// The benefit calculator: a regime, the event, the person, the contribution
// history as rows of months and salary, the facts the regime needs; the
// answer lists each amount and every step with its law (POST /calc/benefit).
import { ActionIcon, Alert, Button, Card, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { date, money } from '../format';
import { useApi } from './useApi';
import { BirthField, DayField, MonthField } from './DateFields';
import { ErrorBox } from './ErrorBox';
import { newRelative, RelativesEditor, type Relative } from './RelativesEditor';

const regimes: { value: string; label: string }[] = [
  { value: 'pension', label: 'Hưu trí (lương hưu)' },
  { value: 'one_time', label: 'BHXH một lần' },
  { value: 'sickness', label: 'Ốm đau' },
  { value: 'maternity', label: 'Thai sản' },
  { value: 'occupational', label: 'Tai nạn lao động, bệnh nghề nghiệp' },
  { value: 'unemployment', label: 'Trợ cấp thất nghiệp' },
  { value: 'survivor', label: 'Tử tuất' },
  { value: 'funeral', label: 'Mai táng' },
  { value: 'social_pension', label: 'Trợ cấp hưu trí xã hội' },
];

const eventLabel: Record<string, string> = {
  pension: 'Ngày nghỉ hưu',
  one_time: 'Ngày đề nghị',
  sickness: 'Ngày bắt đầu nghỉ ốm',
  maternity: 'Ngày sinh con',
  occupational: 'Ngày bị tai nạn / giám định',
  unemployment: 'Ngày chấm dứt hợp đồng',
  survivor: 'Ngày chết',
  funeral: 'Ngày chết',
  social_pension: 'Ngày đề nghị',
};

// The cases of a regime (facts.kind), as the calculator names them; the
// first is the default, except a man's maternity, which is his leave when
// his wife gives birth.
const kinds: Record<string, { value: string; label: string }[]> = {
  sickness: [
    { value: 'own', label: 'Bản thân ốm đau' },
    { value: 'child', label: 'Chăm con dưới 7 tuổi ốm' },
    { value: 'recovery', label: 'Dưỡng sức sau ốm đau' },
  ],
  maternity: [
    { value: 'birth', label: 'Sinh con' },
    { value: 'father', label: 'Lao động nam khi vợ sinh con' },
    { value: 'father_care', label: 'Cha nghỉ chăm con khi mẹ chết hoặc không đủ sức khỏe' },
    { value: 'adoption', label: 'Nhận con nuôi dưới 6 tháng tuổi' },
    { value: 'surrogate', label: 'Mang thai hộ: người mang thai hộ sinh con' },
    { value: 'commissioning', label: 'Nhờ mang thai hộ: người mẹ nhận con' },
    { value: 'visit', label: 'Khám thai' },
    { value: 'miscarriage', label: 'Sảy thai, phá thai, thai chết lưu' },
    { value: 'recovery', label: 'Dưỡng sức sau thai sản' },
    { value: 'contraception', label: 'Thực hiện biện pháp tránh thai' },
    { value: 'voluntary_grant', label: 'Trợ cấp thai sản BHXH tự nguyện' },
  ],
  occupational: [
    { value: 'injury', label: 'Suy giảm khả năng lao động' },
    { value: 'death', label: 'Chết do tai nạn lao động, bệnh nghề nghiệp' },
  ],
  survivor: [
    { value: 'lump_sum', label: 'Trợ cấp tuất một lần' },
    { value: 'monthly', label: 'Trợ cấp tuất hằng tháng' },
  ],
};
const defaultKind = (regime: string, sex: string) =>
  regime === 'maternity' && sex === 'male' ? 'father' : (kinds[regime]?.[0].value ?? '');

type Scheme = 'compulsory' | 'voluntary';
// `source`: where a row came from when it was read from the record (an
// employer, or the assumption that contributions go on).
type Row = { from: string; to: string; salary: number | string; scheme: Scheme; source?: string };

const schemes = [
  { value: 'compulsory', label: 'Bắt buộc' },
  { value: 'voluntary', label: 'Tự nguyện' },
];

// A revaluation coefficient typed from the event year's circular, for a year
// whose table the system's data does not hold yet (1994: every year before 1995).
type Coef = { year: number | string; coefficient: number | string; scheme: Scheme };

// One coefficient row per contribution year of the history, empty, for the
// officer to fill from the circular.
const coefRowsFor = (rows: Row[]): Coef[] => {
  const seen = new Set<string>();
  const out: Coef[] = [];
  for (const r of rows) {
    const from = Number(r.from.slice(0, 4));
    const to = Number(r.to.slice(0, 4));
    if (!from || !to) continue;
    for (let y = Math.max(from, 1994); y <= Math.max(to, 1994); y++) {
      const key = `${r.scheme}/${y}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ year: y, coefficient: '', scheme: r.scheme });
    }
  }
  return out.sort((a, b) => Number(a.year) - Number(b.year) || a.scheme.localeCompare(b.scheme));
};

export function BenefitCalculator() {
  const { user, role } = useAuth();
  const [regime, setRegime] = useState('pension');
  const [eventDate, setEventDate] = useState('2026-12-31');
  const [sex, setSex] = useState('female');
  const [birth, setBirth] = useState('1969-05-10');
  const [rows, setRows] = useState<Row[]>([{ from: '2000-01', to: '2026-11', salary: 8000000, scheme: 'compulsory' }]);
  const [assumeContinued, setAssumeContinued] = useState(true);
  const [record, setRecord] = useState<Schemas['BenefitRecordRequest'] | null>(null);
  const [loadingRecord, setLoadingRecord] = useState(false);
  const [days, setDays] = useState<number | string>(3);
  const [children, setChildren] = useState<number | string>(1);
  const [loss, setLoss] = useState<number | string>(35);
  const [reason, setReason] = useState<string | null>('out_of_work_12_months');
  const [region, setRegion] = useState<string | null>('1');
  const [kind, setKind] = useState<string>('');
  const [childAge, setChildAge] = useState<number | string>(24);
  const [weeks, setWeeks] = useState<number | string>(10);
  const [surgery, setSurgery] = useState(false);
  const [dependants, setDependants] = useState<number | string>(1);
  // Survivors: either how many qualify, as the officer judged, or the
  // family, for the engine to judge each (facts.relatives).
  const [listRelatives, setListRelatives] = useState(false);
  const [relatives, setRelatives] = useState<Relative[]>([newRelative()]);
  // The deceased drew a monthly occupational allowance after leaving work:
  // a monthly case from a 61% loss, the funeral grant without 12 months
  // (58/2014 Art.66.1.c, 67.1.d; 41/2024 Art.85.1.c, 86.1.d); having taken
  // the one-time SI, a lump sum of 3 months of it (41/2024 Art.89.3).
  const [allowance, setAllowance] = useState<number | string>('');
  const [oneTimeTaken, setOneTimeTaken] = useState(false);
  // A pensioner settling abroad is paid in months of her pension (58/2014
  // Art.65, 41/2024 Art.76); left empty, the one-time SI of a contributor.
  const [abroadPension, setAbroadPension] = useState<number | string>('');
  const [abroadMonths, setAbroadMonths] = useState<number | string>(0);
  // A monthly SI benefit being drawn (an accident benefit, say): 3 months of
  // it when settling abroad, on top of the pension's lump sum if both.
  const [abroadBenefit, setAbroadBenefit] = useState<number | string>('');
  // A birth's conditions: 3 of 12 months when a doctor ordered rest, 6 of 24
  // after leaving work for infertility treatment (41/2024 Art.50.3, 50.5).
  const [restOrdered, setRestOrdered] = useState(false);
  const [infertility, setInfertility] = useState(false);
  // Sickness: the heavy limits for an area of especially difficult
  // socio-economic conditions (41/2024 Art.43.1.b).
  const [hardArea, setHardArea] = useState(false);
  const [farVisit, setFarVisit] = useState(false);
  const [method, setMethod] = useState<string | null>('iud');
  // The father taking over (58/2014 Art.34, 41/2024 Art.53.5-7): the rest
  // of an insured mother's leave, else until the child is 6 months old.
  const [motherInsured, setMotherInsured] = useState(true);
  // The father's birth grant when his wife is not insured or does not
  // qualify (58/2014 Art.38 with the ministry's letter 3432/LĐTBXH-BHXH;
  // 41/2024 Art.58.1).
  const [motherOut, setMotherOut] = useState(false);
  const [motherUsed, setMotherUsed] = useState<number | string>(0);
  // A child's death after the birth (58/2014 Art.34.3 shortens the leave;
  // a surrogate's leave ends there, at least 60 days) and surrogacy's dates.
  const [childDied, setChildDied] = useState(false);
  const [diedOn, setDiedOn] = useState('');
  const [childrenDied, setChildrenDied] = useState<number | string>('');
  const [handover, setHandover] = useState('');
  // The father's first day of leave: within 30 days of the birth (58/2014
  // Art.34.2) or 60 (41/2024 Art.53.3); left empty, not checked.
  const [fatherStart, setFatherStart] = useState('');
  // Absences of less than half a working day, paid as half days from
  // 01/07/2025 (41/2024 Art.45.5).
  const [halfDays, setHalfDays] = useState<number | string>(0);
  // Days already paid this calendar year: sickness's yearly limit, and
  // post-natal convalescence's (the ministry's letter 3432/LĐTBXH-BHXH 2.e).
  const [usedThisYear, setUsedThisYear] = useState<number | string>(0);
  const [surrogateEligible, setSurrogateEligible] = useState(false);
  const [coefs, setCoefs] = useState<Coef[]>([]);
  // The case follows the regime and the sex until the person picks one.
  const kindNow = kind && kinds[regime]?.some((k) => k.value === kind) ? kind : defaultKind(regime, sex);
  const [result, setResult] = useState<Schemas['BenefitResult'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (i: number, r: Partial<Row>) => setRows(rows.map((x, k) => (k === i ? { ...x, ...r } : x)));
  const setCoef = (i: number, c: Partial<Coef>) => setCoefs(coefs.map((x, k) => (k === i ? { ...x, ...c } : x)));
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  // An officer prepares a case for a person: the record fills the form as
  // the case will read it (no months assumed), the calculator shows what the
  // case will compute, and the case is stored from the same regime, date and
  // facts — the history is the record's, read again by the server. Another
  // officer decides it (Hồ sơ tab). One key per answer computed, so a
  // second click or a retry after a lost answer does not open two cases,
  // and a case with changed facts (computed again) is a new one.
  const [cccd, setCccd] = useState('');
  const [payee, setPayee] = useState('');
  const [bank, setBank] = useState('');
  const [account, setAccount] = useState('');
  const [cashPoint, setCashPoint] = useState('');
  // A correction: the approved case this one replaces, as a new version
  // (its register entry stops the month before this one starts).
  const [supersedes, setSupersedes] = useState('');
  const [prepared, setPrepared] = useState<Schemas['BenefitCase'] | null>(null);
  const [caseKey, setCaseKey] = useState(() => crypto.randomUUID());
  const [preparing, setPreparing] = useState(false);

  // A citizen's own record (or, for an officer, the person's), read as a
  // benefit case reads it, fills the form; she can then change any row (add
  // the paper book's years, a future raise).
  const fromRecord = async () => {
    const who = role === 'citizen' ? user?.cccd : cccd.trim();
    if (!who) return;
    setLoadingRecord(true);
    setError(null);
    setResult(null);
    setPrepared(null);
    try {
      const r = await call(
        api.GET('/persons/{cccd}/benefit-request', {
          params: {
            path: { cccd: who },
            query: { regime: regime as Schemas['BenefitRequest']['regime'], event_date: eventDate, assume_continued: role === 'citizen' && assumeContinued },
          },
        }),
      );
      setRecord(r);
      setSex(r.request.person.sex);
      setBirth(r.request.person.birth_date);
      setRows(
        (r.request.history ?? []).map((h) => ({
          from: h.from,
          to: h.to,
          salary: h.salary ?? 0,
          scheme: (h.scheme ?? 'compulsory') as Scheme,
          source: h.source,
        })),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    } finally {
      setLoadingRecord(false);
    }
  };

  const prepareCase = async () => {
    setPreparing(true);
    setError(null);
    try {
      const c = await call(
        api.POST('/benefits/cases', {
          params: { header: { 'Idempotency-Key': caseKey } },
          body: {
            cccd: cccd.trim(),
            request: { regime: regime as Schemas['BenefitRequest']['regime'], event_date: eventDate, facts: buildFacts() },
            ...(payee ? { payee } : {}),
            ...(bank ? { bank } : {}),
            ...(account ? { bank_account: account } : {}),
            ...(cashPoint ? { cash_point: cashPoint } : {}),
            ...(supersedes.trim() ? { supersedes: Number(supersedes.trim()) } : {}),
          },
        }),
      );
      setPrepared(c);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    } finally {
      setPreparing(false);
    }
  };

  const compute = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    setPrepared(null);
    setCaseKey(crypto.randomUUID());
    const body = {
      regime,
      event_date: eventDate,
      person: { sex, birth_date: birth },
      history: rows.map((r) => ({
        from: r.from,
        to: r.to,
        salary: Number(r.salary),
        scheme: r.scheme,
        ...(r.source ? { source: r.source } : {}),
      })),
      facts: buildFacts(),
      ...(coefs.length
        ? { revaluation: coefs.map((c) => ({ contribution_year: Number(c.year), coefficient: Number(c.coefficient), scheme: c.scheme })) }
        : {}),
    } as Schemas['BenefitRequest'];
    try {
      setResult(await call(api.POST('/calc/benefit', { body })));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    } finally {
      setBusy(false);
    }
  };

  // The facts of the case as the form gives them, for the calculator and
  // for a case alike.
  function buildFacts() {
    const facts: Record<string, unknown> = {};
    if (kinds[regime]) facts.kind = kindNow;
    if (regime === 'sickness') facts.days = Number(days);
    if (regime === 'sickness' && kindNow === 'own' && hardArea) facts.disadvantaged_area = true;
    if (regime === 'sickness' && kindNow === 'child') facts.child_age_months = Number(childAge);
    if (regime === 'sickness' && kindNow !== 'recovery' && Number(halfDays) > 0) facts.half_days = Number(halfDays);
    if ((regime === 'sickness' || (regime === 'maternity' && kindNow === 'recovery')) && Number(usedThisYear) > 0)
      facts.days_used_this_year = Number(usedThisYear);
    if (regime === 'maternity') facts.children = Number(children);
    if (regime === 'maternity' && kindNow === 'miscarriage') facts.pregnancy_weeks = Number(weeks);
    if (regime === 'maternity' && (kindNow === 'father' || kindNow === 'recovery')) facts.surgery = surgery;
    if (regime === 'maternity' && kindNow === 'recovery') facts.days = Number(days);
    if (regime === 'maternity' && kindNow === 'visit' && farVisit) facts.visit_far_or_abnormal = true;
    if (regime === 'maternity' && kindNow === 'father_care') {
      facts.mother_insured = motherInsured;
      if (motherInsured) facts.mother_leave_months_used = Number(motherUsed);
      else facts.child_age_months = Number(childAge);
    }
    if (regime === 'maternity' && (kindNow === 'birth' || kindNow === 'surrogate') && childDied) facts.child_died_on = diedOn;
    if (regime === 'maternity' && kindNow === 'birth' && childDied && Number(children) > 1 && childrenDied !== '')
      facts.children_died = Number(childrenDied);
    // Left empty, the engine names the missing date.
    if (regime === 'maternity' && kindNow === 'surrogate' && handover) facts.handover_date = handover;
    if (regime === 'maternity' && kindNow === 'commissioning') facts.surrogate_eligible = surrogateEligible;
    if (regime === 'maternity' && kindNow === 'father' && fatherStart) facts.leave_start = fatherStart;
    if (regime === 'maternity' && kindNow === 'father' && motherOut) facts.mother_eligible = false;
    if (regime === 'maternity' && kindNow === 'contraception') {
      facts.contraception_method = method;
      facts.days = Number(days);
    }
    // The family decides the monthly benefit, and under the 2014 law whether
    // it may take the lump sum instead.
    if (regime === 'survivor' && listRelatives) facts.relatives = relatives;
    else if (regime === 'survivor' && kindNow === 'monthly') facts.dependants = Number(dependants);
    if (regime === 'occupational') facts.capacity_loss_pct = Number(loss);
    if ((regime === 'survivor' || regime === 'funeral') && Number(allowance) > 0) {
      facts.occupational_allowance = Number(allowance);
      if (regime === 'survivor') facts.capacity_loss_pct = Number(loss);
      if (regime === 'survivor' && kindNow === 'lump_sum' && oneTimeTaken) facts.one_time_taken = true;
    }
    if (regime === 'one_time') facts.reason = reason;
    if (regime === 'one_time' && reason === 'emigration' && Number(abroadPension) > 0) {
      facts.monthly_pension = Number(abroadPension);
      facts.pension_months_received = Number(abroadMonths);
    }
    if (regime === 'one_time' && reason === 'emigration' && Number(abroadBenefit) > 0)
      facts.monthly_benefit = Number(abroadBenefit);
    if (regime === 'maternity' && (kindNow === 'birth' || kindNow === 'miscarriage' || kindNow === 'surrogate')) {
      if (restOrdered) facts.rest_ordered_before_birth = true;
      if (infertility && kindNow !== 'surrogate') facts.infertility_treatment = true;
    }
    if (regime === 'unemployment') facts.region = Number(region);
    return facts;
  }

  return (
    <Stack>
      <Card withBorder>
        <Group align="flex-end" wrap="wrap">
          <Select label="Chế độ" data={regimes} value={regime} onChange={(v) => v && setRegime(v)} allowDeselect={false} w={280} />
          <DayField label={regime === 'maternity' && kindNow === 'commissioning' ? 'Ngày nhận con' : eventLabel[regime]} value={eventDate} onChange={setEventDate} error={fieldError('event_date')} />
          <Select label="Giới tính" data={[{ value: 'female', label: 'Nữ' }, { value: 'male', label: 'Nam' }]} value={sex}
            onChange={(v) => v && setSex(v)} allowDeselect={false} w={120} />
          <BirthField label="Ngày sinh" value={birth} onChange={setBirth} error={fieldError('person.birth_date')} />
        </Group>
        {role === 'citizen' && user?.cccd && (
          <Paper withBorder p="sm" mt="md">
            <Text size="sm" mb="xs">
              Dùng quá trình đóng trong sổ BHXH của bạn (các tháng đơn vị chưa đóng không được tính).
            </Text>
            <Group align="center" wrap="wrap">
              <Checkbox label="Giả định tiếp tục đóng với mức lương hiện nay đến trước ngày sự kiện" checked={assumeContinued}
                onChange={(e) => setAssumeContinued(e.currentTarget.checked)} />
              <Button variant="light" loading={loadingRecord} onClick={() => void fromRecord()}>
                Lấy quá trình đóng từ sổ BHXH
              </Button>
            </Group>
            {record && <RecordNote record={record} />}
          </Paper>
        )}
        {role === 'officer' && (
          <Paper withBorder p="sm" mt="md">
            <Text size="sm" mb="xs">
              Lập hồ sơ cho người tham gia: quá trình đóng lấy từ cơ sở dữ liệu như khi xét hồ sơ (tháng đơn vị chưa đóng
              không được tính).
            </Text>
            <Group align="flex-end" wrap="wrap">
              <TextInput label="Số CCCD của người hưởng" value={cccd} onChange={(e) => { setCccd(e.currentTarget.value); setRecord(null); }}
                inputMode="numeric" maxLength={12} w={220} error={fieldError('cccd')} />
              <Button variant="light" loading={loadingRecord} disabled={!/^\d{12}$/.test(cccd.trim())} onClick={() => void fromRecord()}>
                Lấy quá trình đóng
              </Button>
            </Group>
            {record && <RecordNote record={record} />}
          </Paper>
        )}
        <Title order={3} size="h5" mt="md" mb="xs">
          Quá trình đóng BHXH
        </Title>
        {/* One block per row, its fields wrapping on a phone instead of a
            table squeezing four inputs into 390 pixels. */}
        <Stack gap="xs">
          {rows.map((r, i) => (
            <Paper key={i} withBorder p="xs" data-row={i + 1}>
              <Group align="flex-start" wrap="wrap" gap="xs">
                <MonthField label="Từ tháng" aria-label={`Từ tháng, dòng ${i + 1}`} value={r.from} onChange={(v) => setRow(i, { from: v })}
                  error={fieldError(`history[${i + 1}].from`)} w={120} />
                <MonthField label="Đến tháng" aria-label={`Đến tháng, dòng ${i + 1}`} value={r.to} onChange={(v) => setRow(i, { to: v })}
                  error={fieldError(`history[${i + 1}].to`)} w={120} />
                <NumberInput label="Tiền lương tháng (đồng)" aria-label={`Tiền lương, dòng ${i + 1}`} value={r.salary}
                  onChange={(v) => setRow(i, { salary: v })} thousandSeparator="." decimalSeparator="," min={0}
                  error={fieldError(`history[${i + 1}].salary`)} w={180} />
                <Select label="Loại hình" aria-label={`Loại hình, dòng ${i + 1}`} data={schemes} value={r.scheme} allowDeselect={false}
                  onChange={(v) => v && setRow(i, { scheme: v as Scheme })} w={130} />
                <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Xoá dòng ${i + 1}`}
                  onClick={() => setRows(rows.filter((_, k) => k !== i))}>
                  ×
                </ActionIcon>
              </Group>
              {r.source && (
                <Text size="xs" c="dimmed" mt={4}>
                  Nguồn: {r.source}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
        <Group mt="xs">
          <Button variant="light" onClick={() => setRows([...rows, { from: '', to: '', salary: 0, scheme: 'compulsory' }])}>
            Thêm dòng
          </Button>
        </Group>
        {(coefs.length > 0 || error?.code === 'missing_revaluation') && (
          <Paper withBorder p="sm" mt="md" data-testid="revaluation">
            <Title order={4} size="h6" mb={4}>
              Hệ số điều chỉnh tiền lương đã đóng BHXH
            </Title>
            <Text size="sm" mb="xs">
              {error?.code === 'missing_revaluation'
                ? `Dữ liệu của hệ thống chưa có bảng hệ số áp dụng năm ${eventDate.slice(0, 4)}. `
                : ''}
              Để tính thử, nhập hệ số theo thông tư của năm sự kiện (năm 1994 là hệ số chung của các năm trước 1995); kết quả ghi rõ các
              hệ số do bạn nhập. Khi dữ liệu đã có bảng của năm đó, bảng của dữ liệu được dùng.
            </Text>
            {fieldError('revaluation') && (
              <Text size="sm" c="red" mb="xs">
                {fieldError('revaluation')}
              </Text>
            )}
            <Group gap="xs" wrap="wrap">
              {coefs.map((c, i) => (
                <Group key={i} gap={4} align="flex-start" wrap="nowrap" data-coef={i + 1}>
                  <NumberInput label="Năm đóng" aria-label={`Năm đóng, hệ số ${i + 1}`} value={c.year} onChange={(v) => setCoef(i, { year: v })}
                    min={1994} max={2100} w={100} error={fieldError(`revaluation[${i + 1}].contribution_year`)} />
                  <NumberInput label={c.scheme === 'voluntary' ? 'Hệ số (tự nguyện)' : 'Hệ số'} aria-label={`Hệ số năm ${c.year}${c.scheme === 'voluntary' ? ' (tự nguyện)' : ''}`}
                    value={c.coefficient} onChange={(v) => setCoef(i, { coefficient: v })} decimalSeparator="," thousandSeparator="."
                    decimalScale={3} min={0} w={120} error={fieldError(`revaluation[${i + 1}].coefficient`)} />
                  <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Xoá hệ số ${i + 1}`}
                    onClick={() => setCoefs(coefs.filter((_, k) => k !== i))}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Group>
            <Group mt="xs">
              <Button variant="light" onClick={() => setCoefs(coefRowsFor(rows))}>
                Lập các dòng theo năm đóng
              </Button>
              <Button variant="subtle" onClick={() => setCoefs([...coefs, { year: '', coefficient: '', scheme: 'compulsory' }])}>
                Thêm hệ số
              </Button>
            </Group>
          </Paper>
        )}
        <Group mt="md" align="flex-end" wrap="wrap">
          {kinds[regime] && (
            <Select label="Trường hợp" data={kinds[regime]} value={kindNow} onChange={(v) => v && setKind(v)} allowDeselect={false}
              w={280} error={fieldError('facts.kind')} />
          )}
          {regime === 'sickness' && kindNow === 'child' && (
            <NumberInput label="Tuổi của con (tháng)" value={childAge} onChange={setChildAge} min={0} max={240} w={170}
              error={fieldError('facts.child_age_months')} />
          )}
          {regime === 'maternity' && kindNow === 'miscarriage' && (
            <NumberInput label="Tuổi thai (tuần)" value={weeks} onChange={setWeeks} min={0} max={45} w={150}
              error={fieldError('facts.pregnancy_weeks')} />
          )}
          {regime === 'maternity' && (kindNow === 'birth' || kindNow === 'miscarriage' || kindNow === 'surrogate') && (
            <>
              <Checkbox label="Nghỉ dưỡng thai theo chỉ định của cơ sở khám bệnh, chữa bệnh" checked={restOrdered}
                onChange={(e) => setRestOrdered(e.currentTarget.checked)} />
              {kindNow !== 'surrogate' && (
                <Checkbox label="Nghỉ việc để điều trị vô sinh (từ 01/7/2025)" checked={infertility}
                  onChange={(e) => setInfertility(e.currentTarget.checked)} />
              )}
            </>
          )}
          {regime === 'maternity' && kindNow === 'surrogate' && (
            <DayField label="Ngày giao đứa trẻ cho bên nhờ mang thai hộ" value={handover} onChange={setHandover} w={280}
              error={fieldError('facts.handover_date')} />
          )}
          {regime === 'maternity' && (kindNow === 'birth' || kindNow === 'surrogate') && (
            <>
              <Checkbox label="Con chết sau khi sinh" checked={childDied} onChange={(e) => setChildDied(e.currentTarget.checked)} />
              {childDied && (
                <DayField label="Ngày con chết" value={diedOn} onChange={setDiedOn} w={200} error={fieldError('facts.child_died_on')} />
              )}
              {childDied && kindNow === 'birth' && Number(children) > 1 && (
                <NumberInput label="Số con đã chết" description="Để trống: 1 con" value={childrenDied} onChange={setChildrenDied}
                  min={1} max={10} w={200} error={fieldError('facts.children_died')} />
              )}
            </>
          )}
          {regime === 'maternity' && kindNow === 'commissioning' && (
            <Checkbox label="Người mang thai hộ đủ điều kiện hưởng trợ cấp một lần" checked={surrogateEligible}
              onChange={(e) => setSurrogateEligible(e.currentTarget.checked)} />
          )}
          {regime === 'maternity' && (kindNow === 'father' || kindNow === 'recovery') && (
            <Checkbox label="Sinh phẫu thuật hoặc sinh con dưới 32 tuần" checked={surgery} onChange={(e) => setSurgery(e.currentTarget.checked)} />
          )}
          {regime === 'maternity' && kindNow === 'father' && (
            <Checkbox label="Vợ không tham gia BHXH hoặc không đủ điều kiện hưởng chế độ thai sản" checked={motherOut}
              onChange={(e) => setMotherOut(e.currentTarget.checked)} />
          )}
          {regime === 'maternity' && kindNow === 'father' && (
            <DayField label="Ngày bắt đầu nghỉ (lần cuối, nếu nghỉ nhiều lần)" value={fatherStart} onChange={setFatherStart} w={220}
              error={fieldError('facts.leave_start')} />
          )}
          {regime === 'maternity' && kindNow === 'visit' && (
            <Checkbox label="Ở xa cơ sở khám bệnh, chữa bệnh hoặc thai không bình thường" checked={farVisit}
              onChange={(e) => setFarVisit(e.currentTarget.checked)} />
          )}
          {regime === 'maternity' && kindNow === 'father_care' && (
            <>
              <Checkbox label="Mẹ tham gia BHXH bắt buộc và đủ điều kiện hưởng" checked={motherInsured}
                onChange={(e) => setMotherInsured(e.currentTarget.checked)} />
              {motherInsured ? (
                <NumberInput label="Số tháng mẹ đã nghỉ hưởng thai sản" value={motherUsed} onChange={setMotherUsed}
                  min={0} max={24} w={240} error={fieldError('facts.mother_leave_months_used')} />
              ) : (
                <NumberInput label="Tuổi của con khi cha bắt đầu nghỉ (tháng)" value={childAge} onChange={setChildAge}
                  min={0} max={240} w={260} error={fieldError('facts.child_age_months')} />
              )}
            </>
          )}
          {regime === 'maternity' && kindNow === 'contraception' && (
            <>
              <Select label="Biện pháp" w={260} value={method} onChange={setMethod} allowDeselect={false}
                error={fieldError('facts.contraception_method')}
                data={[
                  { value: 'iud', label: 'Đặt dụng cụ tránh thai trong tử cung' },
                  { value: 'sterilisation', label: 'Triệt sản' },
                ]} />
              <NumberInput label="Số ngày nghỉ theo chỉ định" value={days} onChange={setDays} min={1} max={15} w={200}
                error={fieldError('facts.days')} />
            </>
          )}
          {regime === 'maternity' && kindNow === 'recovery' && (
            <>
              <NumberInput label="Số ngày dưỡng sức" value={days} onChange={setDays} min={1} max={10} w={160} error={fieldError('facts.days')} />
              <NumberInput label="Số ngày đã nghỉ dưỡng sức trong năm" value={usedThisYear} onChange={setUsedThisYear}
                min={0} max={10} w={260} error={fieldError('facts.days_used_this_year')} />
            </>
          )}
          {regime === 'survivor' && kindNow === 'monthly' && !listRelatives && (
            <NumberInput label="Số thân nhân hưởng" value={dependants} onChange={setDependants} min={1} max={20} w={170}
              error={fieldError('facts.dependants')} />
          )}
          {regime === 'survivor' && (
            <Checkbox label="Kê từng thân nhân để hệ thống xét điều kiện" checked={listRelatives}
              onChange={(e) => setListRelatives(e.currentTarget.checked)} />
          )}
          {regime === 'survivor' && listRelatives && (
            <RelativesEditor value={relatives} onChange={setRelatives} fieldError={fieldError} />
          )}
          {regime === 'survivor' && listRelatives && fieldError('facts.relatives') && (
            <Text size="sm" c="red">
              {fieldError('facts.relatives')}
            </Text>
          )}
          {regime === 'sickness' && kindNow === 'own' && (
            <Checkbox label="Làm việc ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn" checked={hardArea}
              onChange={(e) => setHardArea(e.currentTarget.checked)} />
          )}
          {regime === 'sickness' && <NumberInput label="Số ngày nghỉ" value={days} onChange={setDays} min={0} max={366} w={140} error={fieldError('facts.days')} />}
          {regime === 'sickness' && kindNow !== 'recovery' && (
            <>
              <NumberInput label="Số lần nghỉ dưới nửa ngày" value={halfDays} onChange={setHalfDays} min={0} max={366} w={200}
                error={fieldError('facts.half_days')} />
              <NumberInput label="Số ngày đã hưởng trong năm" value={usedThisYear} onChange={setUsedThisYear} min={0}
                max={366} w={210} error={fieldError('facts.days_used_this_year')} />
            </>
          )}
          {regime === 'sickness' && kindNow === 'recovery' && (
            <NumberInput label="Số ngày đã nghỉ dưỡng sức trong năm" value={usedThisYear} onChange={setUsedThisYear}
              min={0} max={10} w={260} error={fieldError('facts.days_used_this_year')} />
          )}
          {/* 41/2024 Art.53.4: a multiple birth counts every foetus, the
              stillborn too, for the leave and the grant. */}
          {regime === 'maternity' && (
            <NumberInput label="Số con" description="Sinh đôi trở lên: kể cả thai chết" value={children} onChange={setChildren}
              min={1} max={10} w={200} error={fieldError('facts.children')} />
          )}
          {regime === 'occupational' && (
            <NumberInput label="Tỷ lệ suy giảm khả năng lao động (%)" value={loss} onChange={setLoss} min={0} max={100} w={260}
              error={fieldError('facts.capacity_loss_pct')} />
          )}
          {(regime === 'survivor' || regime === 'funeral') && (
            <NumberInput label="Trợ cấp TNLĐ-BNN hằng tháng người chết đang hưởng (đồng)"
              description="Đã nghỉ việc; để trống nếu không hưởng" value={allowance} onChange={setAllowance}
              min={0} thousandSeparator="." decimalSeparator="," w={340} error={fieldError('facts.occupational_allowance')} />
          )}
          {regime === 'survivor' && Number(allowance) > 0 && (
            <NumberInput label="Tỷ lệ suy giảm KNLĐ của người chết (%)" value={loss} onChange={setLoss} min={0} max={100}
              w={280} error={fieldError('facts.capacity_loss_pct')} />
          )}
          {regime === 'survivor' && kindNow === 'lump_sum' && Number(allowance) > 0 && (
            <Checkbox label="Người chết đã hưởng BHXH một lần" checked={oneTimeTaken}
              onChange={(e) => setOneTimeTaken(e.currentTarget.checked)} />
          )}
          {regime === 'one_time' && (
            <Select label="Lý do" w={320} value={reason} onChange={setReason} data={[
              { value: 'out_of_work_12_months', label: 'Sau 12 tháng không đóng BHXH' },
              { value: 'reached_retirement_age', label: 'Đủ tuổi nghỉ hưu, chưa đủ năm đóng' },
              { value: 'emigration', label: 'Ra nước ngoài định cư' },
              { value: 'serious_illness', label: 'Bệnh nguy hiểm đến tính mạng' },
            ]} />
          )}
          {regime === 'one_time' && reason === 'emigration' && (
            <>
              <NumberInput label="Lương hưu đang hưởng (nếu có)" value={abroadPension} onChange={setAbroadPension}
                thousandSeparator="." decimalSeparator="," min={0} w={220} error={fieldError('facts.monthly_pension')} />
              <NumberInput label="Số tháng đã hưởng lương hưu" value={abroadMonths} onChange={setAbroadMonths}
                min={0} max={1200} w={200} error={fieldError('facts.pension_months_received')} />
              <NumberInput label="Trợ cấp BHXH hằng tháng đang hưởng (nếu có)" value={abroadBenefit} onChange={setAbroadBenefit}
                thousandSeparator="." decimalSeparator="," min={0} w={280} error={fieldError('facts.monthly_benefit')} />
            </>
          )}
          {regime === 'unemployment' && (
            <Select label="Vùng lương tối thiểu" w={200} value={region} onChange={setRegion}
              data={['1', '2', '3', '4'].map((v) => ({ value: v, label: `Vùng ${v}` }))} />
          )}
          <Button onClick={() => void compute()} loading={busy}>
            Tính
          </Button>
        </Group>
        <ErrorBox error={error} />
      </Card>
      {result && <BenefitResultView result={result} />}
      {role === 'officer' && record && result && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            Lập hồ sơ hưởng chế độ cho {record.full_name}
          </Title>
          <Text size="sm" mb="xs">
            Hồ sơ tính lại từ cơ sở dữ liệu với chế độ, ngày sự kiện và các dữ kiện ở trên; các dòng quá trình đóng sửa tay
            không được dùng. Một cán bộ khác phê duyệt ở thẻ Hồ sơ.
          </Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Người nhận tiền" value={payee} onChange={(e) => setPayee(e.currentTarget.value)} w={220}
              placeholder={record.full_name} error={fieldError('payee')} />
            <TextInput label="Ngân hàng" value={bank} onChange={(e) => setBank(e.currentTarget.value)} w={180} error={fieldError('bank')} />
            <TextInput label="Số tài khoản" value={account} onChange={(e) => setAccount(e.currentTarget.value)} inputMode="numeric"
              w={180} error={fieldError('bank_account')} />
            <TextInput label="Hoặc điểm chi trả tiền mặt" value={cashPoint} onChange={(e) => setCashPoint(e.currentTarget.value)}
              w={240} error={fieldError('cash_point')} />
            <TextInput label="Điều chỉnh hồ sơ đã duyệt số" description="Để trống nếu là hồ sơ mới" value={supersedes}
              onChange={(e) => setSupersedes(e.currentTarget.value.replace(/\D/g, ''))} inputMode="numeric" w={220}
              error={fieldError('supersedes')} />
            <Button onClick={() => void prepareCase()} loading={preparing} disabled={prepared !== null}>
              Lập hồ sơ
            </Button>
          </Group>
          {prepared && (
            <Alert color="green" mt="sm" title={`Đã lập hồ sơ số ${prepared.id}: ${prepared.regime_name}` +
              (prepared.supersedes ? ` (lần ${prepared.version}, điều chỉnh hồ sơ số ${prepared.supersedes})` : '')}>
              {prepared.eligible ? 'Đủ điều kiện hưởng' : 'Chưa đủ điều kiện hưởng'}; hằng tháng {money(prepared.monthly)}, một lần{' '}
              {money(prepared.lump_sum)}. Chờ cán bộ khác phê duyệt.
            </Alert>
          )}
        </Card>
      )}
    </Stack>
  );
}

// What the record gave: through which month, how many rows, what was left out.
function RecordNote({ record }: { record: Schemas['BenefitRecordRequest'] }) {
  return (
    <>
      <Text size="sm" mt="xs" data-testid="record-note">
        Dữ liệu của {record.full_name} tính đến hết tháng {date(record.counted_through)}: {record.request.history?.length ?? 0} dòng
        {record.continued ? ', có dòng giả định tiếp tục đóng' : ''}.
      </Text>
      {record.excluded.length > 0 && (
        <Alert color="orange" mt="xs" title="Thời gian không được tính">
          {record.excluded.map((x, i) => (
            <Text key={i} size="sm">{x}</Text>
          ))}
        </Alert>
      )}
    </>
  );
}

export function BenefitResultView({ result }: { result: Schemas['BenefitResult'] }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {result.regime_name} · sự kiện ngày {date(result.event_date)} · Luật {result.law}
      </Title>
      <Alert color={result.eligible ? 'green' : 'orange'} mt="sm" title={result.eligible ? 'Đủ điều kiện hưởng' : 'Chưa đủ điều kiện hưởng'}>
        {result.reasons.map((r, i) => (
          <Text key={i} size="sm">{r}</Text>
        ))}
      </Alert>
      {result.amounts.length > 0 && (
        <Table mt="md" aria-label="Các khoản được hưởng">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Khoản</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Số tiền</Table.Th>
              <Table.Th>Cách trả</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.amounts.map((a, i) => (
              <Table.Tr key={i}>
                <Table.Td>{a.label}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(a.amount)}</Table.Td>
                <Table.Td>
                  {a.monthly ? 'hằng tháng' : 'một lần'}
                  {a.from ? ` từ ${date(a.from)}` : ''}
                  {a.months ? `, ${a.months} tháng` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4} size="h5" mt="md">
        Cách tính
      </Title>
      <ol>
        {result.steps.map((s, i) => (
          <li key={i}>
            <Text size="sm">{s.text}</Text>
            <Text size="xs" c="dimmed">{s.law}</Text>
          </li>
        ))}
      </ol>
      {result.warnings.length > 0 && (
        <Alert color="yellow" title="Lưu ý">
          {result.warnings.map((w, i) => (
            <Text key={i} size="sm">{w}</Text>
          ))}
        </Alert>
      )}
    </Card>
  );
}

// A citizen's own cases: what was decided, with the steps.
function MyCases() {
  const cases = useApi(
    async () => (await call(api.GET('/benefits/cases', { params: { query: { limit: 20 } } }))) as { cases: Schemas['BenefitCase'][] },
    [],
  );
  if (cases.error) return <ErrorBox error={cases.error} />;
  if (!cases.data) return null;
  return (
    <Card withBorder mb="md">
      <Title order={3} size="h5" mb="xs">
        Hồ sơ hưởng chế độ của tôi
      </Title>
      {cases.data.cases.length === 0 ? (
        <Text size="sm" c="dimmed">Chưa có hồ sơ nào.</Text>
      ) : (
        cases.data.cases.map((c) => (
          <Text key={c.id} size="sm">
            Hồ sơ số {c.id}: {c.regime_name}, sự kiện ngày {date(c.event_date)} —{' '}
            {c.status === 'approved' ? 'đã duyệt' : c.status === 'prepared' ? 'đang xét' : c.status === 'rejected' ? 'không được duyệt' : 'đã điều chỉnh'}
            {c.monthly > 0 ? `, hằng tháng ${money(c.monthly)}` : ''}
            {c.lump_sum > 0 ? `, một lần ${money(c.lump_sum)}` : ''}
          </Text>
        ))
      )}
    </Card>
  );
}

export function CalculatorPage() {
  const { role } = useAuth();
  return (
    <>
      {role === 'citizen' && <MyCases />}
      <Title order={2} mb="md">
        Tính thử chế độ BHXH
      </Title>
      <Text size="sm" mb="md">
        Nhập quá trình đóng và sự kiện để biết mức hưởng dự kiến, kèm từng bước tính và căn cứ pháp lý.
      </Text>
      <BenefitCalculator />
    </>
  );
}

export default CalculatorPage;
