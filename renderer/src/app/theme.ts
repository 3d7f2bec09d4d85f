import { theme, type ThemeConfig } from 'antd';

/** System fonts only (offline government network); Latin first, then the CJK faces per OS. */
export const FONT_STACK =
  'system-ui, "Segoe UI", Roboto, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Control-room palette: deep navy surfaces, one restrained blue accent, status colours kept muted. */
export const palette = {
  bgLayout: '#070e1a',
  bgChrome: '#0b1628',
  bgContainer: '#0e1b2f',
  bgElevated: '#13233b',
  border: '#1f3150',
  text: '#d5deea',
  textMuted: '#8393aa',
  accent: '#3d8fd6',
  success: '#3aa57a',
  warning: '#d59b3a',
  error: '#d9534f',
} as const;

export const controlRoomTheme: ThemeConfig = {
  algorithm: [theme.darkAlgorithm, theme.compactAlgorithm],
  token: {
    fontFamily: FONT_STACK,
    fontSize: 14,
    borderRadius: 4,
    colorPrimary: palette.accent,
    colorInfo: palette.accent,
    colorSuccess: palette.success,
    colorWarning: palette.warning,
    colorError: palette.error,
    colorBgBase: palette.bgContainer,
    colorBgLayout: palette.bgLayout,
    colorBgContainer: palette.bgContainer,
    colorBgElevated: palette.bgElevated,
    colorBorder: palette.border,
    colorBorderSecondary: '#182843',
    colorTextBase: palette.text,
  },
  components: {
    Layout: {
      headerBg: palette.bgChrome,
      siderBg: palette.bgChrome,
      bodyBg: palette.bgLayout,
      headerHeight: 48,
      headerPadding: '0 16px',
    },
    Menu: {
      itemBg: palette.bgChrome,
      subMenuItemBg: palette.bgChrome,
      itemSelectedBg: '#16304f',
      itemSelectedColor: '#e8f1fb',
    },
    Table: {
      headerBg: '#112039',
      rowHoverBg: '#132740',
    },
    Tree: {
      nodeSelectedBg: '#16304f',
    },
  },
};

/**
 * The same theme for an operating system set to reduce motion: antd's dialogs, drawers and dropdowns
 * open and close in 10 ms instead of 100–300 ms. Still animated, not `motion: false`: without motion
 * antd mounts a dialog's fields before its layer is in the page, and the first field's autoFocus is lost.
 */
export const controlRoomThemeStill: ThemeConfig = {
  ...controlRoomTheme,
  token: {
    ...controlRoomTheme.token,
    motionDurationFast: '0.01s',
    motionDurationMid: '0.01s',
    motionDurationSlow: '0.01s',
  },
};
