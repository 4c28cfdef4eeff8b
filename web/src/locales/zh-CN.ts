// 简体中文 — the UI's default language. Terms as in the seed documents (GLOSSARY.md).
export default {
  app: { name: 'Hotline 呼叫中心', language: '语言', logout: '退出', live: '实时', offline: '已断开' },
  nav: { desk: '座席工作台', wallboard: '实时监控大屏', reports: '报表', admin: '配置管理' },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录',
    failed: '用户名或密码错误', locked: '失败次数过多，请稍后再试',
  },
  forbidden: { title: '无权访问', text: '您的角色（{role}）不能打开此页面。', home: '返回首页' },
  state: {
    logged_out: '未登录', ready: '示闲', not_ready: '示忙', reserved: '振铃', busy: '通话', wrapup: '整理',
  },
  reason: {
    break: '小休', meal: '用餐', meeting: '会议', training: '培训', coaching: '辅导', other: '其他',
    login: '刚登录', after_call_work: '整理', missed_offers: '未接来电', off_shift: '下班', end_of_shift: '下班',
  },
  desk: {
    acw: '整理', login: '签入', logout: '签出', ready: '示闲', notReady: '示忙', break: '小休', reasonLabel: '示忙原因',
    timeInState: '本状态时长', noContact: '暂无来电', incoming: '来电', talking: '通话中', onHold: '保持中',
    answer: '接听', reject: '拒接', hold: '保持', unhold: '取回', hangup: '挂机', transfer: '转接',
    transferTo: '转接到队列', transferAgent: '或座席', wrapup: '事后整理', disposition: '处理结果',
    notes: '备注', finish: '完成整理', caller: '来电号码', customer: '客户', channel: '渠道', queue: '队列',
    today: '今日数据', answered: '接听量', aht: '平均处理时长', ready_time: '示闲时长',
    service: '服务水平', loggedOut: '尚未签入', dispositions: {
      resolved: '已解决', follow_up: '需回访', work_order: '已建工单', transferred: '已转接', other: '其他',
    },
  },
  wallboard: {
    title: '实时监控大屏', fullscreen: '全屏', exitFullscreen: '退出全屏', waiting: '排队', longest: '最长等待',
    sl: '服务水平', target: '目标', asa: '平均应答', abandon: '放弃率', answerRate: '接通率', offered: '呼入',
    agents: '座席', alerts: '告警', noAlerts: '一切正常', slBelow: '{queue}：服务水平 {sl} 低于目标 {target}',
    tooMany: '{queue}：{n} 个来电排队', nobody: '{queue}：无人签入，{n} 个来电等待',
    agentGrid: '座席状态', longNotReady: '示忙超过 {min} 分钟', longWrapup: '整理超过 {min} 分钟',
    today: '今日', merged: '已合组',
  },
  reports: {
    from: '开始日期', to: '结束日期', interval: '时段', whole: '整个区间', by: '分组', center: '全中心', run: '查询', csv: '导出 CSV',
    total: '合计', answered: '接听', abandoned: '放弃', aht: '平均处理时长',
    slChart: '服务水平与目标', volumeChart: '话务量', abandonChart: '放弃率', ahtChart: '平均处理时长',
    intervals: { '15m': '15 分钟', '30m': '30 分钟', '60m': '1 小时', day: '日', week: '周', month: '月' },
    group: { queue: '队列', team: '班组', agent: '座席' },
    col: { offered: '呼入', answered: '接听', abandoned: '放弃', service_level: '服务水平', asa_s: '平均应答',
      abandon_rate: '放弃率', aht_s: '平均处理时长', occupancy: '占用率' },
  },
  admin: {
    queues: '队列', skills: '技能', agents: '座席', teams: '班组', overflow: '溢出规则', merge: '合大组规则', users: '用户',
    add: '新增', edit: '修改', delete: '删除', save: '保存', cancel: '取消', saved: '已保存并生效',
    confirmDelete: '确定删除 {id}？',
  },
  role: { agent: '客服代表', team_leader: '班长', shift_leader: '值班长', supervisor: '主管', manager: '经理', qa: '质检', admin: '管理员' },
  channel: { voice: '语音', chat: '在线', email: '邮件', social: '社交', callback: '回拨' },
  error: { generic: '操作失败：{message}' },
};
