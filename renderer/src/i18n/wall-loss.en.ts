import type { wallLossZh } from './wall-loss.zh';

/** The wall's video-loss alarm, its settings and shortcuts. */
export const wallLossEn: typeof wallLossZh = {
  title: 'Video loss ({{n}})',
  noGroup: 'No grid',
  since: 'offline since {{time}}',
  recovered: 'recovered at {{time}}',
  ack: 'Acknowledge',
  ackAll: 'Acknowledge all',
  acked: '{{camera}}: acknowledged by {{by}} at {{time}}',
  ackFailed: 'Could not acknowledge: {{message}}',
  settings: {
    open: 'Video-loss alarm settings',
    title: 'Video-loss alarm per grid',
    hint: 'A camera on the wall offline for longer than the delay raises an alarm card with a tone until someone acknowledges it; it alarms again only after it has played again.',
    group: 'Grid',
    enabled: 'Alarm',
    delay: 'Offline for (s) before the alarm',
    updated: 'Last changed',
    defaults: 'Default (on, {{delay}} s)',
    saved: 'Saved the video-loss alarm of {{group}}',
    failed: 'Could not save: {{message}}',
  },
  layout: {
    hideTree: 'Hide the camera tree',
    showTree: 'Show the camera tree',
    wallOnly: 'Wall only, full screen (F11)',
    foldMenu: 'Fold the menu',
    unfoldMenu: 'Unfold the menu',
  },
  keys: {
    place:
      'In the camera tree, pick a camera with the arrow keys, then press a tile number (1–9, 0; two digits on larger layouts) to put it there',
    fullscreen: 'F11: the wall alone, full screen; Esc leaves',
  },
  shortcuts: {
    treeMove: 'In the camera tree (click it or Tab into it): move up and down, fold and unfold',
    treePlace:
      'In the camera tree: put the chosen camera in the tile of that number (two digits on walls of more than nine tiles)',
    treeEnter: 'In the camera tree: put the chosen camera in the selected tile (the first empty one when it is taken)',
    fullscreen: 'The wall alone, full screen',
    leaveFullscreen: 'Leave the wall’s full screen',
  },
};
