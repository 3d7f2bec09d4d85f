import { useLayoutEffect } from 'react';
import { create } from 'zustand';
import { showCells, useWallStore } from '../store';
import { stopTour, useTourStore } from '../tours/tourStore';
import {
  parseStack,
  pushLayer,
  removeLayer,
  type LayerStack,
  type NewLayer,
  type WallLayer,
  type WallSnapshot,
} from './layers';

/**
 * This window's wall takeovers (incident, alarms) with the view each one will give back. One per
 * window, like the wall store; kept in sessionStorage under the window's key, so a wall page
 * reloaded during an incident or an alarm still knows what to return to.
 */
export const useTakeoverStore = create<{ key: string | null; stack: LayerStack }>(() => ({ key: null, stack: [] }));

const storageKey = (key: string) => `cityops.wall.takeover.${key}`;

function save(key: string | null, stack: LayerStack): void {
  if (key === null) return;
  try {
    if (stack.length === 0) sessionStorage.removeItem(storageKey(key));
    else sessionStorage.setItem(storageKey(key), JSON.stringify(stack));
  } catch {
    // Storage full or disabled: the takeover still works until a reload.
  }
}

function snapshot(): WallSnapshot {
  const { layoutId, cells } = useWallStore.getState();
  return { layoutId, cells: [...cells], tour: useTourStore.getState().run };
}

/**
 * Puts a view on the wall. A running tour stops (a whole-wall tour would overwrite an alarm's or
 * incident's cameras at its next step, a tile tour one of its tiles); a view given back that had a
 * tour starts it again where it was, so the wall cycles on once the alarm or incident is over.
 */
function show(view: WallSnapshot): void {
  stopTour();
  showCells(view.layoutId, view.cells);
  if (view.tour) useTourStore.setState({ run: view.tour });
}

/**
 * Binds the store to a window ('console', 'window-2'): loads what it kept and puts the top layer's
 * view back on the wall (a reload emptied it).
 */
export function bindTakeover(key: string): void {
  if (useTakeoverStore.getState().key === key) return;
  let stack: LayerStack = [];
  try {
    stack = parseStack(sessionStorage.getItem(storageKey(key)));
  } catch {
    stack = [];
  }
  useTakeoverStore.setState({ key, stack });
  const top = stack[stack.length - 1];
  if (top) show(top.shown);
}

/** Puts a layer's cameras on the wall, remembering what it showed. */
export function takeOver(layer: NewLayer): void {
  const { key, stack } = useTakeoverStore.getState();
  const next = pushLayer(stack, layer, snapshot());
  useTakeoverStore.setState({ stack: next });
  save(key, next);
  show(layer.shown);
}

/** Whether an alarm with this id is on this window already (the hub gives pending alarms again). */
export function hasAlarm(alarmId: string): boolean {
  return useTakeoverStore.getState().stack.some((l) => l.kind === 'alarm' && l.alarmId === alarmId);
}

/** Gives back what a layer took; returns whether there was such a layer. */
export function giveBack(match: (layer: WallLayer) => boolean): boolean {
  const { key, stack } = useTakeoverStore.getState();
  const { stack: next, restore } = removeLayer(stack, match);
  if (next === stack) return false;
  useTakeoverStore.setState({ stack: next });
  save(key, next);
  if (restore) show(restore);
  return true;
}

export function topLayer(): WallLayer | undefined {
  const { stack } = useTakeoverStore.getState();
  return stack[stack.length - 1];
}

/** The incident's level or name changed: the mark says so; the cameras stay as the operator has them. */
export function relabelIncident(incidentId: number, level: string, title: string): void {
  const { key, stack } = useTakeoverStore.getState();
  const next = stack.map((l) => (l.kind === 'incident' && l.incidentId === incidentId ? { ...l, level, title } : l));
  useTakeoverStore.setState({ stack: next });
  save(key, next);
}

/** Binds this window's takeovers once the wall is on screen (before the incident check runs). */
export function useTakeover(key: string): void {
  useLayoutEffect(() => {
    bindTakeover(key);
  }, [key]);
}
