import type { Locator, Page } from '@playwright/test';
import { expect, login } from './fixtures';

/** The wall's tile showing a camera. */
export function tile(page: Page, cameraId: string): Locator {
  return page.locator(`[data-testid="wall-tile"][data-camera-id="${cameraId}"]`);
}

/** Signs in as the video monitor and opens the wall. */
export async function openWall(page: Page, url: string): Promise<void> {
  await login(page, url, 'monitor');
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-grid')).toBeVisible({ timeout: 30_000 });
}

/**
 * What a tile draws over its video: an overlay across the tile (its ::after), an inset outline, the
 * video's own background, and whether its bar covers the picture. Each made the compositor draw
 * the tile again with every video frame (bench:wall -- --trace).
 */
export async function overVideo(tileLocator: Locator) {
  return tileLocator.evaluate((el) => {
    const video = el.querySelector('video') ?? el;
    const bar = el.querySelector('.wall-tile-bar') ?? el;
    return {
      after: getComputedStyle(el, '::after').content,
      outline: getComputedStyle(el).outlineStyle,
      videoBackground: getComputedStyle(video).backgroundColor,
      barOverVideo: bar.getBoundingClientRect().bottom > video.getBoundingClientRect().top,
    };
  });
}

/** A playing tile that is not selected draws nothing over its video. */
export const NOTHING_OVER_VIDEO = {
  after: 'none',
  outline: 'none',
  videoBackground: 'rgba(0, 0, 0, 0)',
  barOverVideo: false,
};
