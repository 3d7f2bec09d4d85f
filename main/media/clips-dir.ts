import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './demo-manifest';

/** The demo clips' folder inside the repository and inside a packaged app. */
export const DEMO_CLIPS_SUBDIR = path.join('resources', 'demo-clips');

export interface ClipsDirHints {
  /**
   * The calling module's folder. From source (main/shell-web, main/media), from the esbuild
   * bundles (out/node, out/electron) and so unpackaged, the repository root is two levels up.
   */
  moduleDir: string;
  /**
   * Electron's process.resourcesPath when packaged: electron-builder.yml copies resources/ to
   * <resourcesPath>/resources (extraResources), outside the asar archive.
   */
  resourcesPath?: string;
  /** An explicit folder (e.g. from configuration); wins when given. */
  override?: string;
}

export function demoClipsDirCandidates(hints: ClipsDirHints): string[] {
  const candidates: string[] = [];
  if (hints.override) candidates.push(path.resolve(hints.override));
  if (hints.resourcesPath) candidates.push(path.join(hints.resourcesPath, DEMO_CLIPS_SUBDIR));
  candidates.push(path.resolve(hints.moduleDir, '..', '..', DEMO_CLIPS_SUBDIR));
  return candidates;
}

/** The first candidate holding a manifest, or null (then the hub runs without demo cameras). */
export function findDemoClipsDir(hints: ClipsDirHints): string | null {
  return demoClipsDirCandidates(hints).find((dir) => fs.existsSync(path.join(dir, MANIFEST_FILE))) ?? null;
}
