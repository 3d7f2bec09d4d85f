import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** resources/demo-clips/manifest.json, as written by scripts/make-demo-clips.mjs. */

export const MANIFEST_FILE = 'manifest.json';

/** Lower-case ASCII: keys appear in URLs and saved views. `broken` is reserved (demo-media.ts). */
const cameraKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);

const streamSchema = z.object({
  /** Relative to the manifest's folder, forward slashes. */
  file: z.string().regex(/^[a-z0-9][a-z0-9/-]*\.mp4$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: z.number().positive(),
  codec: z.string(),
  frames: z.number().int().positive(),
  /** Seconds, one per fragment (= HLS segment), as ffprobe saw them. */
  segmentDurations: z.array(z.number().positive()).min(1),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const cameraSchema = z.object({
  key: cameraKey.refine((k) => k !== 'broken', 'reserved key'),
  name: z.string().min(1),
  /** An org unit of kind workstation (resources/seed/org.json). */
  workstationId: z.string().min(1),
  pattern: z.string(),
  hue: z.number(),
  streams: z.object({ main: streamSchema, sub: streamSchema }),
});

const manifestSchema = z.object({
  version: z.literal(1),
  generatedBy: z.string(),
  clipSeconds: z.number().positive(),
  segmentSeconds: z.number().positive(),
  fps: z.number().positive(),
  cameras: z.array(cameraSchema).min(1),
});

export type DemoManifest = z.infer<typeof manifestSchema>;
export type ManifestCamera = z.infer<typeof cameraSchema>;
export type ManifestStream = z.infer<typeof streamSchema>;
export type StreamKind = 'main' | 'sub';
export const STREAM_KINDS: readonly StreamKind[] = ['main', 'sub'];

export function readDemoManifest(dir: string): DemoManifest {
  const file = path.join(dir, MANIFEST_FILE);
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  const keys = new Set<string>();
  for (const camera of parsed.data.cameras) {
    if (keys.has(camera.key)) throw new Error(`${file}: camera key ${camera.key} appears twice`);
    keys.add(camera.key);
  }
  return parsed.data;
}
