/**
 * The soak's `--heap-snapshots DIR`: a V8 heap snapshot of the page (after a full garbage
 * collection) at the end of warm-up and at the end, written to DIR, and the constructors whose
 * count and self size grew most between the two (heap-snapshot.ts) — what the JS heap keeps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { growthLines, summarise, type HeapSnapshotJson, type HeapSummary } from './heap-snapshot';
import type { CdpPage } from './soak-cdp';

/** Writes a snapshot of the page's heap to `file` and returns its summary. */
export async function takeHeapSnapshot(page: CdpPage, file: string): Promise<HeapSummary> {
  await page.send('HeapProfiler.enable');
  await page.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const off = page.on('HeapProfiler.addHeapSnapshotChunk', (p) => chunks.push(String(p.chunk)));
  try {
    await page.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    off();
  }
  const text = chunks.join('');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const dom = await page.send<{ documents: number; nodes: number; jsEventListeners: number }>('Memory.getDOMCounters');
  console.log(
    `        heap snapshot ${file} (${(text.length / 1024 / 1024).toFixed(1)} MB); ` +
      `DOM counters: documents ${dom.documents}, nodes ${dom.nodes}, listeners ${dom.jsEventListeners}`,
  );
  return summarise(JSON.parse(text) as HeapSnapshotJson);
}

/** Prints what grew between the warm-up snapshot and the last one. */
export function printHeapGrowth(before: HeapSummary, after: HeapSummary): void {
  console.log('\nheap snapshots, end of warm-up → end (top constructors by self-size growth):');
  for (const line of growthLines(before, after)) console.log(`  ${line}`);
}
