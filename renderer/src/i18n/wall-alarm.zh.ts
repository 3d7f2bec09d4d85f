/** 报警窗口的声音（电视墙报警窗口）。 */
export const wallAlarmZh = {
  sound: {
    mute: '静音',
    unmute: '取消静音',
    muted: '本窗口报警已静音',
    hint: '报警未确认时每隔几秒响一次提示音；静音只对本窗口有效，并会被记住',
  },
};
