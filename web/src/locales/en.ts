// English.
export default {
  app: { name: 'Hotline contact center', language: 'Language', logout: 'Log out', live: 'live', offline: 'disconnected' },
  nav: { desk: 'Agent desktop', wallboard: 'Wallboard', reports: 'Reports', admin: 'Administration' },
  login: {
    title: 'Log in', username: 'User name', password: 'Password', submit: 'Log in',
    failed: 'Wrong user name or password', locked: 'Too many failed logins; try again later',
  },
  forbidden: { title: 'Not allowed', text: 'Your role ({role}) cannot open this page.', home: 'Home' },
  state: {
    logged_out: 'Logged out', ready: 'Ready', not_ready: 'Not ready', reserved: 'Ringing', busy: 'Talking', wrapup: 'Wrap-up',
  },
  reason: {
    break: 'Break', meal: 'Meal', meeting: 'Meeting', training: 'Training', coaching: 'Coaching', other: 'Other',
    login: 'Just logged in', after_call_work: 'Wrap-up', missed_offers: 'Missed calls', off_shift: 'Off shift', end_of_shift: 'End of shift',
  },
  desk: {
    acw: 'Wrap-up', login: 'Log in', logout: 'Log out', ready: 'Ready', notReady: 'Not ready', break: 'Break', reasonLabel: 'Reason',
    timeInState: 'Time in state', noContact: 'No contact', incoming: 'Incoming', talking: 'Talking', onHold: 'On hold',
    answer: 'Answer', reject: 'Reject', hold: 'Hold', unhold: 'Resume', hangup: 'Hang up', transfer: 'Transfer',
    transferTo: 'Transfer to queue', transferAgent: 'or agent', wrapup: 'Wrap-up', disposition: 'Disposition',
    notes: 'Notes', finish: 'Finish wrap-up', caller: 'Caller', customer: 'Customer', channel: 'Channel', queue: 'Queue',
    today: 'Today', answered: 'Answered', aht: 'Average handle time', ready_time: 'Ready time',
    service: 'Service level', loggedOut: 'Not logged in yet', dispositions: {
      resolved: 'Resolved', follow_up: 'Follow-up needed', work_order: 'Work order opened', transferred: 'Transferred', other: 'Other',
    },
  },
  wallboard: {
    title: 'Wallboard', fullscreen: 'Full screen', exitFullscreen: 'Leave full screen', waiting: 'Waiting', longest: 'Longest wait',
    sl: 'Service level', target: 'target', asa: 'ASA', abandon: 'Abandoned', answerRate: 'Answered', offered: 'Offered',
    agents: 'Agents', alerts: 'Alerts', noAlerts: 'All well', slBelow: '{queue}: service level {sl} below target {target}',
    tooMany: '{queue}: {n} callers waiting', nobody: '{queue}: nobody logged in, {n} waiting',
    agentGrid: 'Agents', longNotReady: 'not ready over {min} min', longWrapup: 'wrap-up over {min} min',
    today: 'today', merged: 'merged',
  },
  reports: {
    from: 'From', to: 'To', interval: 'Interval', whole: 'Whole range', by: 'By', center: 'Whole center', run: 'Show', csv: 'Export CSV',
    total: 'Total', answered: 'Answered', abandoned: 'Abandoned', aht: 'Average handle time',
    slChart: 'Service level against target', volumeChart: 'Volume', abandonChart: 'Abandon rate', ahtChart: 'Average handle time',
    intervals: { '15m': '15 min', '30m': '30 min', '60m': '1 hour', day: 'Day', week: 'Week', month: 'Month' },
    group: { queue: 'Queue', team: 'Team', agent: 'Agent' },
    col: { offered: 'Offered', answered: 'Answered', abandoned: 'Abandoned', service_level: 'Service level', asa_s: 'ASA',
      abandon_rate: 'Abandon rate', aht_s: 'AHT', occupancy: 'Occupancy' },
  },
  admin: {
    queues: 'Queues', skills: 'Skills', agents: 'Agents', teams: 'Teams', overflow: 'Overflow rules', merge: 'Merge rules', users: 'Users',
    add: 'Add', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel', saved: 'Saved and in effect',
    confirmDelete: 'Delete {id}?',
  },
  role: { agent: 'Agent', team_leader: 'Team leader', shift_leader: 'Shift leader', supervisor: 'Supervisor', manager: 'Manager', qa: 'QA', admin: 'Administrator' },
  channel: { voice: 'Voice', chat: 'Chat', email: 'Email', social: 'Social', callback: 'Callback' },
  error: { generic: 'Failed: {message}' },
};
