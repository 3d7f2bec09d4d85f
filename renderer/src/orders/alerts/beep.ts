import type { AlertKind } from './types';

/**
 * Alert sounds made with the Web Audio API (no audio files to ship): a short tone pattern per
 * kind, more insistent as the alert gets more serious.
 */
const PATTERNS: Record<AlertKind, { freq: number; ms: number; gap: number }[]> = {
  yellow: [{ freq: 880, ms: 160, gap: 0 }],
  red: [
    { freq: 1046, ms: 140, gap: 90 },
    { freq: 1046, ms: 140, gap: 90 },
    { freq: 1046, ms: 220, gap: 0 },
  ],
  critical: [
    { freq: 1318, ms: 150, gap: 40 },
    { freq: 880, ms: 150, gap: 40 },
    { freq: 1318, ms: 150, gap: 40 },
    { freq: 880, ms: 150, gap: 40 },
    { freq: 1318, ms: 260, gap: 0 },
  ],
};

let context: AudioContext | null = null;
/** The context's time when the last scheduled tone ends. */
let lastToneEnd = 0;
let quietTimer: ReturnType<typeof setTimeout> | null = null;

/** After the last tone, the audio device is let go: a running context renders silence on its own thread. */
const SUSPEND_AFTER_S = 0.25;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  return context;
}

/**
 * Suspends the context once its last tone has played. A page the operator has used may resume it
 * again without a new gesture (the browser's sticky activation), so the next alert still sounds.
 */
function suspendWhenQuiet(ctx: AudioContext): void {
  if (quietTimer !== null) clearTimeout(quietTimer);
  const wait = Math.max(0, lastToneEnd - ctx.currentTime) + SUSPEND_AFTER_S;
  quietTimer = setTimeout(() => {
    quietTimer = null;
    if (ctx.currentTime >= lastToneEnd) void ctx.suspend();
    else suspendWhenQuiet(ctx);
  }, wait * 1000);
}

/** Browsers start audio suspended until the page gets a user gesture; call from one. */
export function unlockAudio(): void {
  const ctx = audio();
  if (ctx?.state !== 'suspended') return;
  void ctx.resume().then(() => {
    suspendWhenQuiet(ctx);
  });
}

export function beep(kind: AlertKind): void {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume();
  let at = ctx.currentTime + 0.02;
  for (const tone of PATTERNS[kind]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = tone.freq;
    const end = at + tone.ms / 1000;
    // Short ramps: no clicks at the edges of each tone.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.12, at + 0.01);
    gain.gain.setValueAtTime(0.12, end - 0.02);
    gain.gain.linearRampToValueAtTime(0, end);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(end + 0.01);
    lastToneEnd = Math.max(lastToneEnd, end + 0.01);
    at = end + tone.gap / 1000;
  }
  suspendWhenQuiet(ctx);
}
