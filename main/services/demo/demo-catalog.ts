import type { FeedbackResult } from '../../../common/domain/orders/feedback';

/**
 * What the demo orders are about: a problem phrase per sub-category (the seed's category tree,
 * resources/seed/categories.json), places, reporters and the words officers write in each step.
 * Plain data, read by demo-plans.ts.
 */
export const PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  '01001': ['店招脱落一角，有坠落风险', '门头招牌破损'],
  '01002': ['水果店跨门经营占用人行道', '餐饮店门前摆摊占道'],
  '01003': ['路边暴露垃圾堆积', '绿化带内建筑垃圾未清运'],
  '01004': ['道路泥浆污染', '路面油污大面积'],
  '01005': ['沿街建筑外立面瓷砖脱落', '外墙面破损'],
  '01006': ['绿地被占用堆放杂物', '村民毁绿种菜'],
  '01007': ['工地夜间施工扰民', '施工围挡破损渣土外溢'],
  '01008': ['沿街乱晾晒衣物', '护栏上晾晒被褥'],
  '01009': ['墙面乱涂写', '桥墩被乱涂写'],
  '01010': ['电线杆乱张贴', '公交站牌乱招贴'],
  '01011': ['路灯杆乱刻画', '公共座椅被刻画'],
  '01012': ['小区门口乱发小广告', '车辆挡风玻璃被塞小广告'],
  '01013': ['行道树倒伏', '河道绿化被损毁'],
  '01014': ['新搭建违章彩钢棚', '屋顶新建违章建筑'],
  '01015': ['临街住宅破墙开店', '私自开设门面'],
  '01016': ['公共场所随地焚烧垃圾', '占道晾晒农作物'],
  '01017': ['废弃车辆长期占用路面', '河面漂浮物较多'],
  '02001': ['人行道护栏被撞歪', '路名牌缺失'],
  '02002': ['窨井盖缺失', '消防栓漏水'],
  '02003': ['垃圾箱房门损坏', '废物箱破损'],
  '02004': ['公交候车亭顶棚破损', '健身器材损坏'],
  '03001': ['小区住户擅自改建阳台', '底层住户私拆承重墙'],
  '03002': ['楼道堆放杂物占用公共部位', '小区绿地被圈占'],
  '03003': ['协助拆除小区违章搭建', '屋顶违建待拆除'],
  '03004': ['小区电梯停运', '小区化粪池满溢'],
  '04001': ['路口信号灯不亮', '交通标志牌倾斜'],
  '04002': ['菜场周边车辆乱停放', '非机动车占用盲道'],
  '04003': ['无证营运三轮车揽客', '黑车在地铁站口拉客'],
  '04004': ['人行道板松动', '路面塌陷'],
  '04005': ['道路遗洒影响通行', '施工路段无警示标志'],
  '05001': ['协助民警排查可疑人员', '协助处置聚集纠纷'],
  '05002': ['无证食品加工作坊', '民房内无证加工熟食'],
  '05003': ['出租屋内非法行医', '无证诊所'],
  '05004': ['无证废品收购站占道', '废品收购点堆物过高'],
  '05005': ['无证流动餐饮摊', '无证小吃店'],
  '05006': ['楼道内电动车充电', '仓库内堆放易燃物品'],
  '05007': ['流浪人员桥下露宿', '精神异常人员在路口徘徊'],
  '05008': ['自来水管爆裂', '燃气泄漏气味', '电线断落'],
  '05009': ['大风刮倒广告牌', '暴雨导致道路积水'],
  '05010': ['河边护栏缺失有落水风险', '深夜高空抛物'],
};

export const SPOTS: readonly string[] = [
  '村委会门口',
  '菜场东侧',
  '公交站旁',
  '主干道路口',
  '河道边',
  '小区南门',
  '学校周边',
  '桥头',
  '厂房北侧',
  '商铺前',
  '老街',
  '健身广场',
];

export const ROADS: readonly string[] = [
  '川六公路',
  '龙东大道',
  '华东路',
  '庆荣路',
  '合庆路',
  '蔡路路',
  '东川公路',
  '勤奋路',
];

export const REPORTERS: readonly string[] = [
  '王先生',
  '李女士',
  '张阿姨',
  '陈师傅',
  '刘先生',
  '周女士',
  '徐老伯',
  '黄女士',
];

/** Words each step's actor writes (the lifecycle requires a reason for some steps). */
export const WORDS = {
  redispatch: ['非本站职责，改派主管部门', '涉及执法，改派城管执法'],
  requestReturn: ['不属于本站责任区', '需专业部门处置，申请退单'],
  rejectReturn: ['属本站责任区，请继续处置'],
  approveReturn: ['同意退单，另行派遣'],
  selfHandle: ['巡查中发现，现场已处置', '站内力量已现场解决'],
  verifyPass: ['现场核查已处置到位', '复核通过'],
  verifyFail: ['现场核查仍未处置到位，返工', '整改不彻底，请再次处置'],
  complete: ['已处置完毕，附现场照片', '已清理完毕'],
  requestExtension: ['需协调产权单位，申请延时', '材料采购中，申请延时'],
  rejectExtension: ['时限内可完成，不予延时'],
  requestPark: ['需列入年度维修计划，申请挂账', '涉及历史遗留问题，申请挂账'],
  resume: ['条件具备，恢复处置'],
  supervise: ['已超时，请加快处置并回复', '群众多次反映，请尽快处置'],
  replySupervision: ['已安排人员到场，今日内处置完毕', '正在协调，明日完成'],
  void: ['重复上报，作废', '经核实不属于城运处置范围'],
} as const;

/**
 * 回访结果 (the codes of common/domain/orders/feedback.ts) with what the caller
 * notes and how often each comes back: most reporters are satisfied, a few cannot be reached.
 */
export const FEEDBACK: readonly (readonly [FeedbackResult, string, number])[] = [
  ['satisfied', '电话回访，群众对处置结果表示满意', 64],
  ['basically_satisfied', '电话回访，群众基本满意，希望加强日常巡查', 20],
  ['dissatisfied', '电话回访，群众对处置时效不满意，已转告处置单位', 7],
  ['unreachable', '回访电话多次未接通，已短信告知处置结果', 9],
];
export type DemoFeedbackResult = FeedbackResult;
