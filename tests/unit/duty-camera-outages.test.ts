import { describe, expect, it } from 'vitest';
import { CameraOutages } from '../../main/services/duty/camera-outages';

describe('which ingested-camera flips the duty log records', () => {
  it('records an outage of a camera seen live, and its end', () => {
    const outages = new CameraOutages();
    expect(outages.flip('CAM-1', 'online')).toBeNull();
    expect(outages.flip('CAM-1', 'offline')).toBe('offline');
    expect(outages.flip('CAM-1', 'offline')).toBeNull();
    expect(outages.flip('CAM-1', 'online')).toBe('online');
    // A second outage of the same camera is a new one.
    expect(outages.flip('CAM-1', 'offline')).toBe('offline');
  });

  it('does not record a camera that is offline when first opened, nor its first picture', () => {
    const outages = new CameraOutages();
    expect(outages.flip('CAM-2', 'offline')).toBeNull();
    expect(outages.flip('CAM-2', 'online')).toBeNull();
    expect(outages.flip('CAM-2', 'offline')).toBe('offline');
  });

  it('keeps cameras apart', () => {
    const outages = new CameraOutages();
    outages.flip('CAM-1', 'online');
    expect(outages.flip('CAM-2', 'offline')).toBeNull();
    expect(outages.flip('CAM-1', 'offline')).toBe('offline');
    expect(outages.flip('CAM-2', 'online')).toBeNull();
  });
});
