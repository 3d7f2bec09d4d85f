import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A Web Audio context whose clock runs (with the test's fake time) only while it is running. */
class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  state: 'suspended' | 'running' = 'suspended';
  tones = 0;
  private elapsed = 0;
  private since = 0;
  readonly destination = {};
  constructor() {
    FakeAudioContext.made.push(this);
  }
  get currentTime(): number {
    return (this.elapsed + (this.state === 'running' ? Date.now() - this.since : 0)) / 1000;
  }
  resume(): Promise<void> {
    if (this.state !== 'running') {
      this.since = Date.now();
      this.state = 'running';
    }
    return Promise.resolve();
  }
  suspend(): Promise<void> {
    if (this.state === 'running') this.elapsed += Date.now() - this.since;
    this.state = 'suspended';
    return Promise.resolve();
  }
  createOscillator() {
    this.tones++;
    const node = {
      connect: () => node,
      type: '',
      frequency: { value: 0 },
      start: () => undefined,
      stop: () => undefined,
    };
    return node;
  }
  createGain() {
    const param = { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined };
    const node = { gain: param, connect: () => node };
    return node;
  }
}

async function freshBeep() {
  vi.resetModules();
  return import('../../renderer/src/orders/alerts/beep');
}

describe('alert sounds let the audio device go between alerts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeAudioContext.made = [];
    vi.stubGlobal('AudioContext', FakeAudioContext);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('a beep resumes the context, plays its tones, and suspends it once they have played', async () => {
    const { beep } = await freshBeep();
    beep('critical');
    const ctx = FakeAudioContext.made[0];
    expect(ctx?.state).toBe('running');
    expect(ctx?.tones).toBe(5);
    // The critical pattern lasts ≈ 0.9 s: still running half-way through it.
    await vi.advanceTimersByTimeAsync(500);
    expect(ctx?.state).toBe('running');
    await vi.advanceTimersByTimeAsync(1000);
    expect(ctx?.state).toBe('suspended');
  });

  it('a second alert during the first keeps it running until both have played, and can sound again after', async () => {
    const { beep } = await freshBeep();
    beep('red');
    await vi.advanceTimersByTimeAsync(400);
    beep('critical');
    await vi.advanceTimersByTimeAsync(700);
    const ctx = FakeAudioContext.made[0];
    expect(ctx?.state).toBe('running');
    await vi.advanceTimersByTimeAsync(1000);
    expect(ctx?.state).toBe('suspended');
    beep('yellow');
    expect(ctx?.state).toBe('running');
    expect(FakeAudioContext.made).toHaveLength(1);
  });

  it('unlocking from a gesture does not leave the context running', async () => {
    const { unlockAudio } = await freshBeep();
    unlockAudio();
    await vi.advanceTimersByTimeAsync(0);
    const ctx = FakeAudioContext.made[0];
    expect(ctx?.state).toBe('running');
    await vi.advanceTimersByTimeAsync(500);
    expect(ctx?.state).toBe('suspended');
  });
});
