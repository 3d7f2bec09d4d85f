/** The synthetic city of the orders benchmark: deterministic randomness, texts, weights, an SLA clock. */
import type { OrderState, Urgency } from '../../common/domain/orders/states';
import type { ClockMarks, SlaClock } from '../../main/services/orders/sla-port';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

let seed = 20261126;
export function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
/** A picker over weighted items. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): () => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of entries) cumulative.push((acc += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    const entry = entries[lo];
    if (!entry) throw new Error('weighted pick out of range');
    return entry[0];
  };
}

// ---------------------------------------------------------------------------------------------
// Realistic content

/** Problem phrases by category id (a leaf of the seed's tree); the category name is the fallback. */
export const PHRASES: Record<string, readonly string[]> = {
  '01001': ['店招店牌破损', '招牌脱落有安全隐患', '广告招牌歪斜松动'],
  '01002': ['商户跨门营业', '水果店占道经营', '早餐摊占道经营', '跨门经营堆放货物'],
  '01003': ['暴露垃圾未清运', '建筑垃圾乱倒', '生活垃圾满溢', '垃圾堆放发出异味'],
  '01004': ['道路脏乱', '路面油污严重', '落叶堆积未清扫'],
  '01005': ['建筑立面破损', '外墙瓷砖脱落'],
  '01006': ['绿地被占用种菜', '毁绿种菜'],
  '01007': ['施工扬尘严重', '夜间施工噪声扰民', '渣土车撒落'],
  '01008': ['沿街乱晾晒', '护栏上晾晒衣物'],
  '01009': ['墙面乱涂写'],
  '01010': ['电线杆乱招贴'],
  '01011': ['公共设施乱刻画'],
  '01012': ['小广告张贴', '乱发小广告'],
  '0101301': ['树木倒伏', '树枝折断挡路', '行道树枯死'],
  '0101302': ['单位绿化损毁'],
  '0101303': ['小区绿化被毁'],
  '0101304': ['河道绿化损毁'],
  '0101305': ['公共绿地被踩踏'],
  '0101306': ['绿地景观设施损坏'],
  '01014': ['新建违章建筑', '屋顶违章搭建'],
  '01015': ['破墙开店'],
  '01016': ['遛狗不牵绳', '随意焚烧垃圾'],
  '0200101': ['路名牌破损'],
  '0200102': ['人行道护栏损坏'],
  '0200103': ['机非隔离栏倒伏'],
  '0200104': ['路中隔离设施损坏'],
  '0200105': ['绿地护栏缺失'],
  '0200106': ['路灯不亮', '路灯杆倾斜'],
  '0200107': ['盲道被占用', '无障碍坡道损坏'],
  '0200201': ['井盖缺失', '井盖破损', '井盖松动异响', '雨水井盖移位', '窨井盖下沉'],
  '0200202': ['邮筒破损'],
  '0200203': ['路灯不亮', '路灯灯罩脱落'],
  '0200204': ['消防栓漏水', '消防栓被撞'],
  '0200301': ['公厕导向牌缺失'],
  '0200302': ['垃圾箱房破损', '垃圾箱房门损坏'],
  '0200303': ['废物箱缺失', '垃圾桶盖子缺失', '废物箱满溢'],
  '03001': ['擅自改建', '违规拆除承重墙'],
  '03002': ['楼道堆物', '占用小区公共部分'],
  '03003': ['违章建筑拆除'],
  '0400101': ['交通标志缺失', '限速标志倒伏'],
  '0400102': ['交通标线模糊'],
  '0400103': ['信号灯故障', '红绿灯不亮'],
  '04002': ['车辆乱停放', '非机动车乱停放占用人行道', '共享单车堆积'],
  '0400301': ['黑车无证运营'],
  '0400302': ['三轮车无证运营'],
  '0400401': ['人行道板缺失'],
  '0400402': ['人行道板沉陷'],
  '0400403': ['人行道板撬动'],
  '05002': ['无证食品加工点'],
  '05003': ['非法行医'],
  '05004': ['无证废品收购'],
  '05005': ['无证餐饮', '无证小吃摊'],
  '05006': ['电瓶车楼道充电', '消防通道堵塞'],
  '05007': ['流浪人员露宿', '精神异常人员滞留'],
  '0500801': ['自来水管爆裂', '路面冒水'],
  '0500802': ['电线掉落', '电箱冒烟'],
  '0500803': ['煤气泄漏有气味'],
  '05009': ['树木倒伏砸车', '路面塌陷'],
};
export const DOMAIN_WEIGHTS: Record<string, number> = { '01': 45, '02': 30, '03': 6, '04': 12, '05': 7 };
export const ROADS = [
  '川沙路',
  '合庆路',
  '东川公路',
  '庆达路',
  '华夏东路',
  '朝阳路',
  '龚路路',
  '海天路',
  '沙川路',
  '勤奋路',
  '奚家路',
  '庆利路',
];
export const SPOTS = ['门口', '路口', '东侧', '西侧', '菜场旁', '公交站旁', '小区门口', '桥下', '河边', '学校附近'];
export const DETAILS = [
  '已持续数日',
  '影响居民出行',
  '存在安全隐患',
  '夜间尤为明显',
  '周边居民多次反映',
  '面积约十平方米',
  '影响市容',
];
export const REQUESTS = ['请尽快处置', '请相关部门核实处理', '希望尽快解决', '请派人到现场查看'];
export const REPORTERS = ['市民', '居民', '网格员巡查发现', '视频巡查发现', '村委反映', '热线来电'];
export const SURNAMES = ['张', '王', '李', '陈', '杨', '顾', '陆', '沈', '朱', '徐'];

export const OPEN_STATES = weighted<OrderState>([
  ['reported', 3],
  ['accepted', 5],
  ['filed', 5],
  ['dispatched', 15],
  ['handling', 45],
  ['return_pending', 2],
  ['parked', 10],
  ['handled', 10],
  ['verified', 5],
]);
export const FINISHED = weighted<OrderState>([
  ['closed', 15],
  ['fed_back', 10],
  ['archived', 70],
  ['voided', 3],
  ['merged', 2],
]);
export const SOURCES = weighted([
  ['video', 30],
  ['grid', 35],
  ['hotline', 20],
  ['village', 8],
  ['patrol', 6],
  ['open311', 1],
] as const);
export const URGENCY = weighted<Urgency>([
  ['normal', 85],
  ['urgent', 12],
  ['critical', 3],
]);
export const LEVELS = weighted([
  ['patrol', 80],
  ['joint', 15],
  ['linkage', 5],
] as const);
export const LIMIT_MINUTES: Record<Urgency, number> = { normal: 5 * 24 * 60, urgent: 24 * 60, critical: 4 * 60 };
/** Path of history actions for each state (the first N steps); finished orders take the full road. */
export const ROAD: readonly [string, OrderState][] = [
  ['create', 'reported'],
  ['accept', 'accepted'],
  ['file', 'filed'],
  ['dispatch', 'dispatched'],
  ['receive', 'handling'],
  ['complete', 'handled'],
  ['verify_pass', 'verified'],
  ['close', 'closed'],
  ['feedback', 'fed_back'],
  ['archive', 'archived'],
];

/** Natural-time SLA clock for the bench (the real one lives in main/services/sla). */
export const naturalSla: SlaClock = {
  start: (at, _category, urgency) => {
    const m = LIMIT_MINUTES[urgency];
    return { limitMinutes: m, mode: 'natural', warnAt: at + m * 48_000, deadlineAt: at + m * 60_000 };
  },
  resume: (marks, pausedAt, resumedAt) => ({
    ...marks,
    warnAt: marks.warnAt + resumedAt - pausedAt,
    deadlineAt: marks.deadlineAt + resumedAt - pausedAt,
  }),
  extend: (marks, extra) => ({
    ...marks,
    limitMinutes: marks.limitMinutes + extra,
    deadlineAt: marks.deadlineAt + extra * 60_000,
  }),
  timeUsed: (marks: ClockMarks, now, pausedAt) => {
    const span = marks.limitMinutes * 60_000;
    return ((pausedAt ?? now) - (marks.deadlineAt - span)) / span;
  },
};

// ---------------------------------------------------------------------------------------------
// Seeding
