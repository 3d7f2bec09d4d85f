import { describe, expect, it } from 'vitest';
import { wallWindowNumber, wallWindowPlacement } from '../../main/shell-electron/wall-route';

const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });

describe('Electron wall windows', () => {
  it('lets a page open only this app’s wall window route', () => {
    expect(wallWindowNumber('app://console/#/wall/window/3')).toBe(3);
    expect(wallWindowNumber('app://console/#/wall/window')).toBe(1);
    expect(wallWindowNumber('app://console/#/orders')).toBeNull();
    expect(wallWindowNumber('https://evil.example/#/wall/window/1')).toBeNull();
    expect(wallWindowNumber('app://console/#/wall/window/0')).toBeNull();
    expect(wallWindowNumber('app://console/#/wall/window/1/../../x')).toBeNull();
  });

  it('opens a wall window showing the big screen (大屏), and no other query', () => {
    expect(wallWindowNumber('app://console/#/wall/window/2?show=bigscreen&dwell=15')).toBe(2);
    expect(wallWindowNumber('app://console/#/wall/window/2?show=bigscreen')).toBe(2);
    expect(wallWindowNumber('app://console/#/wall/window/2?show=orders')).toBeNull();
    expect(wallWindowNumber('app://console/#/wall/window/2?show=bigscreen&dwell=15&x=1')).toBeNull();
    expect(wallWindowNumber('app://console/#/wall/window/2?show=bigscreen&dwell=1e9')).toBeNull();
    expect(wallWindowNumber('https://evil.example/#/wall/window/2?show=bigscreen')).toBeNull();
  });

  it('puts wall window n full screen on the n-th extra display, cycling; a window on a single display', () => {
    const displays = [display(1, 0), display(2, 1920), display(3, 3840)];
    expect(wallWindowPlacement(1, displays, 1)).toEqual({ bounds: displays[1]!.bounds, fullscreen: true });
    expect(wallWindowPlacement(2, displays, 1)).toEqual({ bounds: displays[2]!.bounds, fullscreen: true });
    expect(wallWindowPlacement(3, displays, 1)).toEqual({ bounds: displays[1]!.bounds, fullscreen: true });
    const single = wallWindowPlacement(1, [display(1, 0)], 1);
    expect(single.fullscreen).toBe(false);
    expect(single.bounds.width).toBeLessThanOrEqual(1920);
  });
});
