// Regenerates the demo cameras' clips in resources/demo-clips: for each camera a
// short H.264 loop, main stream 640×360 and sub stream 320×180 at 25 fps, as fragmented MP4 with
// one keyframe-led fragment per second, plus manifest.json. main/media splits each file into an
// init segment and 1 s media segments and serves them as an endless live HLS stream, so the hub
// needs no ffmpeg at runtime — only this script does (run it by hand, then commit the output).
//
// Usage: node scripts/make-demo-clips.mjs [--out DIR] [--only demo01,demo02]
// Needs ffmpeg + ffprobe with libx264, drawtext and fontconfig, and a Simplified Chinese font
// (Debian: apt-get install ffmpeg fonts-noto-cjk). Uses one encoder thread per run so it can share
// a busy machine; all 25 cameras take one to two minutes. Output is byte-for-byte reproducible
// with the same ffmpeg/x264 build (fixed seeds, bitexact, one thread), so a rerun changes nothing.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Clip length: a 10-segment loop keeps all 25 cameras near 7 MB and still looks like a live picture. */
const CLIP_SECONDS = 10;
const FPS = 25;
/** One GOP per segment, so every segment starts with a keyframe (closed GOP, no B-frames). */
const SEGMENT_FRAMES = 25;
const FONT_FAMILY = 'Noto Sans CJK SC';

/**
 * Demo cameras, spread over the 36 village/residential workstations of resources/seed/org.json
 * (HQ-W-HQnn = 合庆责任网格, HQ-W-CLnn = 蔡路责任网格). Keys are stable: URLs and saved views use them.
 * @type {{ key: string, name: string, workstationId: string }[]}
 */
const CAMERAS = [
  { key: 'demo01', name: '合庆镇政府东门', workstationId: 'HQ-W-HQ14' },
  { key: 'demo02', name: '向东村村委会', workstationId: 'HQ-W-HQ01' },
  { key: 'demo03', name: '东川公路与川南奉公路路口', workstationId: 'HQ-W-HQ15' },
  { key: 'demo04', name: '第一联勤站门前', workstationId: 'HQ-W-HQ16' },
  { key: 'demo05', name: '前哨村村口', workstationId: 'HQ-W-HQ02' },
  { key: 'demo06', name: '朝阳村河道', workstationId: 'HQ-W-HQ03' },
  { key: 'demo07', name: '勤奋村垃圾箱房', workstationId: 'HQ-W-HQ05' },
  { key: 'demo08', name: '红星村农贸市场', workstationId: 'HQ-W-HQ07' },
  { key: 'demo09', name: '庆星村公交站', workstationId: 'HQ-W-HQ11' },
  { key: 'demo10', name: '东风村海塘', workstationId: 'HQ-W-HQ13' },
  { key: 'demo11', name: '庆华居委小区北门', workstationId: 'HQ-W-HQ18' },
  { key: 'demo12', name: '奚家村桥头', workstationId: 'HQ-W-HQ10' },
  { key: 'demo13', name: '庆丰村村委会', workstationId: 'HQ-W-HQ09' },
  { key: 'demo14', name: '蔡路集镇老街', workstationId: 'HQ-W-CL11' },
  { key: 'demo15', name: '第二联勤站门前', workstationId: 'HQ-W-CL17' },
  { key: 'demo16', name: '海塘村海塘堤岸', workstationId: 'HQ-W-CL02' },
  { key: 'demo17', name: '建光村村委会', workstationId: 'HQ-W-CL03' },
  { key: 'demo18', name: '春雷村河道闸口', workstationId: 'HQ-W-CL05' },
  { key: 'demo19', name: '友谊村主路口', workstationId: 'HQ-W-CL06' },
  { key: 'demo20', name: '营房村工业园区', workstationId: 'HQ-W-CL08' },
  { key: 'demo21', name: '大星村垃圾中转站', workstationId: 'HQ-W-CL10' },
  { key: 'demo22', name: '华星村停车场', workstationId: 'HQ-W-CL15' },
  { key: 'demo23', name: '勤俭村学校门口', workstationId: 'HQ-W-CL16' },
  { key: 'demo24', name: '益华居委小区南门', workstationId: 'HQ-W-CL18' },
  { key: 'demo25', name: '直属村村委会', workstationId: 'HQ-W-CL01' },
];

/**
 * Moving 640×360 test patterns (lavfi sources). Static ones scroll so every tile visibly moves;
 * `life` renders small and scales up with hard edges, which costs far fewer bits. SEED becomes the
 * camera's number: random sources must not change between runs, or every run rewrites the clips
 * (ffmpeg 5.1's gradients also draws random colours unless c0…c3 are given). (Noisy ones —
 * cellauto, sierpinski, a deep mandelbrot zoom — were tried: they drown the text and the bit budget.)
 * @type {{ id: string, source: string }[]}
 */
const PATTERNS = [
  { id: 'testsrc2', source: 'testsrc2=s=640x360:r=25' },
  {
    id: 'life',
    source:
      'life=s=160x90:r=25:seed=SEED:mold=10:ratio=0.1:life_color=#00ff00:death_color=#c83232:mold_color=#ff8000,scale=640:360:flags=neighbor',
  },
  { id: 'smptehdbars', source: 'smptehdbars=s=640x360:r=25,scroll=h=0.004' },
  {
    id: 'gradients',
    source: 'gradients=s=640x360:r=25:seed=SEED:speed=0.03:n=4:c0=0x3050a0:c1=0xe0a040:c2=0x40c080:c3=0xc04060',
  },
  { id: 'smptebars', source: 'smptebars=s=640x360:r=25,scroll=v=0.004' },
  { id: 'colorspectrum', source: 'colorspectrum=s=640x360:r=25:type=all,scroll=h=0.004' },
  { id: 'testsrc', source: 'testsrc=s=640x360:r=25' },
  { id: 'colorchart', source: 'colorchart=r=25:patch_size=80x90,scale=640:360,scroll=h=0.003' },
  { id: 'yuvtestsrc', source: 'yuvtestsrc=s=640x360:r=25,scroll=h=0.004:v=0.003' },
];
/** Hue turns for cameras that share a pattern, so no two tiles look alike. */
const HUES = [0, 120, 240];

/**
 * Encoder settings per stream: quality-capped rate so simple patterns stay tiny and busy ones
 * stay bounded. Level 3.0 covers both sizes at 25 fps; main profile without B-frames keeps
 * decode order = presentation order (no composition offsets to care about when looping).
 * @type {Record<'main' | 'sub', { width: number, height: number, crf: number, maxrate: string, bufsize: string }>}
 */
const STREAMS = {
  main: { width: 640, height: 360, crf: 26, maxrate: '170k', bufsize: '340k' },
  sub: { width: 320, height: 180, crf: 28, maxrate: '70k', bufsize: '140k' },
};

/** @param {string[]} argv */
function parseArgs(argv) {
  let out = path.join(root, 'resources/demo-clips');
  /** @type {Set<string> | null} */
  let only = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--out' && value) {
      out = path.resolve(value);
      i++;
    } else if (arg === '--only' && value) {
      only = new Set(value.split(','));
      i++;
    } else {
      console.error(
        `unknown argument: ${arg}\nusage: node scripts/make-demo-clips.mjs [--out DIR] [--only demo01,demo02]`,
      );
      process.exit(2);
    }
  }
  return { out, only };
}

/**
 * @param {string} cmd
 * @param {string[]} args
 */
function run(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${cmd}: ${result.error.message} (is it installed?)`);
  if (result.status !== 0) throw new Error(`${cmd} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  return result.stdout;
}

function checkTools() {
  run('ffmpeg', ['-hide_banner', '-version']);
  run('ffprobe', ['-hide_banner', '-version']);
  const fonts = run('fc-list', [':lang=zh', 'family']);
  if (!fonts.includes(FONT_FAMILY)) {
    throw new Error(`font "${FONT_FAMILY}" not found by fontconfig (Debian: apt-get install fonts-noto-cjk)`);
  }
}

/**
 * The picture: pattern, hue turn, the camera's name on a dark band at the top, and a running
 * clip clock + frame counter at the bottom, so operators see motion and can tell tiles apart.
 * The sub stream is the same frames scaled down (its text stays legible at 320×180).
 * @param {{ key: string }} camera
 * @param {number} index
 * @param {string} nameFile text file with the name (avoids escaping CJK text in the filtergraph)
 */
function filterGraph(camera, index, nameFile) {
  const pattern = PATTERNS[index % PATTERNS.length];
  const hue = HUES[Math.floor(index / PATTERNS.length) % HUES.length] ?? 0;
  if (!pattern) throw new Error('no pattern');
  const font = `font='${FONT_FAMILY}'`;
  const text = [
    `hue=h=${hue}`,
    'drawbox=x=0:y=0:w=iw:h=54:color=black@0.72:t=fill',
    `drawtext=${font}:textfile='${nameFile}':fontsize=34:fontcolor=white:borderw=1:bordercolor=black:x=14:y=5`,
    'drawbox=x=0:y=ih-46:w=iw:h=46:color=black@0.72:t=fill',
    `drawtext=${font}:text='演示 DEMO ${camera.key}   %{pts\\:hms}   #%{frame_num}':fontsize=28:fontcolor=yellow:x=14:y=h-41`,
  ].join(',');
  const sub = STREAMS.sub;
  return {
    pattern: pattern.id,
    hue,
    graph: `${pattern.source.replace('SEED', String(index + 1))},trim=duration=${CLIP_SECONDS},setpts=PTS-STARTPTS,setsar=1,format=yuv420p,${text},split=2[main][s];[s]scale=${sub.width}:${sub.height}:flags=bicubic[sub]`,
  };
}

/** @param {'main' | 'sub'} stream @param {string} file */
function encoderArgs(stream, file) {
  const s = STREAMS[stream];
  return [
    ...['-map', `[${stream}]`, '-an', '-c:v', 'libx264', '-threads', '1', '-preset', 'slow'],
    ...['-profile:v', 'main', '-level:v', '3.0', '-pix_fmt', 'yuv420p'],
    ...['-g', String(SEGMENT_FRAMES), '-keyint_min', String(SEGMENT_FRAMES), '-sc_threshold', '0', '-bf', '0'],
    ...['-x264-params', 'open-gop=0:scenecut=0'],
    ...['-crf', String(s.crf), '-maxrate', s.maxrate, '-bufsize', s.bufsize],
    // A fragment at every keyframe = one 1 s segment each; no tags naming the ffmpeg build.
    ...['-movflags', '+frag_keyframe+empty_moov+default_base_moof', '-map_metadata', '-1'],
    ...['-fflags', '+bitexact', '-flags:v', '+bitexact', '-f', 'mp4', file],
  ];
}

/**
 * Segment durations as a player sees them: fragments start at keyframes, so each keyframe
 * starts a segment. Also checks the GOP structure the server relies on.
 * @param {string} file
 */
function probe(file) {
  const streamInfo = JSON.parse(
    run('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height,sample_aspect_ratio,codec_name,profile,level',
      '-of',
      'json',
      file,
    ]),
  );
  /** @type {{ width: number, height: number, sample_aspect_ratio?: string, codec_name: string, profile: string, level: number }} */
  const info = streamInfo.streams[0];
  // Square pixels, or players show the tile stretched (tkhd carries the display size).
  if (info.sample_aspect_ratio && info.sample_aspect_ratio !== '1:1') {
    throw new Error(`${file}: sample aspect ratio ${info.sample_aspect_ratio}, expected 1:1`);
  }
  const csv = run('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=duration_time,flags',
    '-of',
    'csv=p=0',
    file,
  ]);
  const packets = csv
    .trim()
    .split('\n')
    .map((line) => {
      const [duration, flags] = line.split(',');
      return { duration: Number(duration), key: (flags ?? '').includes('K') };
    });
  /** @type {number[]} */
  const segmentDurations = [];
  let current = 0;
  packets.forEach((p, i) => {
    if (p.key !== (i % SEGMENT_FRAMES === 0))
      throw new Error(`${file}: packet ${i} keyframe=${p.key}, expected a GOP of ${SEGMENT_FRAMES}`);
    if (p.key && i > 0) {
      segmentDurations.push(current);
      current = 0;
    }
    current += p.duration;
  });
  segmentDurations.push(current);
  if (packets.length !== CLIP_SECONDS * FPS)
    throw new Error(`${file}: ${packets.length} frames, expected ${CLIP_SECONDS * FPS}`);
  return {
    width: info.width,
    height: info.height,
    codec: `${info.codec_name} ${info.profile} L${info.level / 10}`,
    frames: packets.length,
    segmentDurations: segmentDurations.map((d) => Math.round(d * 1e6) / 1e6),
  };
}

/** @param {string} file */
function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function main() {
  const { out, only } = parseArgs(process.argv.slice(2));
  checkTools();
  fs.mkdirSync(out, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-clips-'));
  const manifestPath = path.join(out, 'manifest.json');
  /** @type {Map<string, { key: string }>} entries kept from an earlier run when --only picks a few */
  const previous = new Map();
  if (only && fs.existsSync(manifestPath)) {
    for (const cam of JSON.parse(fs.readFileSync(manifestPath, 'utf8')).cameras) previous.set(cam.key, cam);
  }
  try {
    const cameras = CAMERAS.map((camera, index) => {
      if (only && !only.has(camera.key)) {
        const kept = previous.get(camera.key);
        if (!kept) throw new Error(`${camera.key}: not in the existing manifest; generate it too`);
        return kept;
      }
      const nameFile = path.join(tmp, `${camera.key}.txt`);
      fs.writeFileSync(nameFile, camera.name);
      const { pattern, hue, graph } = filterGraph(camera, index, nameFile);
      fs.mkdirSync(path.join(out, camera.key), { recursive: true });
      const files = { main: `${camera.key}/main.mp4`, sub: `${camera.key}/sub.mp4` };
      const started = Date.now();
      run('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-filter_threads', '1', '-filter_complex_threads', '1'],
        ...['-filter_complex', graph],
        ...encoderArgs('main', path.join(out, files.main)),
        ...encoderArgs('sub', path.join(out, files.sub)),
      ]);
      /** @param {'main' | 'sub'} stream */
      const describe = (stream) => {
        const file = path.join(out, files[stream]);
        return { file: files[stream], ...probe(file), fps: FPS, bytes: fs.statSync(file).size, sha256: sha256(file) };
      };
      const entry = { ...camera, pattern, hue, streams: { main: describe('main'), sub: describe('sub') } };
      console.log(
        `[demo-clips] ${camera.key} ${camera.name}: ${pattern}/${hue}° main ${entry.streams.main.bytes} B, sub ${entry.streams.sub.bytes} B (${Date.now() - started} ms)`,
      );
      return entry;
    });
    const manifest = {
      version: 1,
      generatedBy: 'scripts/make-demo-clips.mjs',
      clipSeconds: CLIP_SECONDS,
      segmentSeconds: SEGMENT_FRAMES / FPS,
      fps: FPS,
      cameras,
    };
    // Formatted as `npm run format` would, so the committed file passes `prettier --check`.
    const style = (await prettier.resolveConfig(manifestPath)) ?? {};
    fs.writeFileSync(
      manifestPath,
      await prettier.format(JSON.stringify(manifest), { ...style, filepath: manifestPath }),
    );
    let total = 0;
    for (const cam of cameras) {
      for (const stream of ['main', 'sub']) total += fs.statSync(path.join(out, cam.key, `${stream}.mp4`)).size;
    }
    console.log(
      `[demo-clips] ${cameras.length} cameras, ${(total / 1024 / 1024).toFixed(2)} MiB → ${path.relative(root, out) || out}`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
