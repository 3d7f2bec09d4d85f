import { useState } from 'react';

/** Which of the roster's editors is open: a shift (by day and code), a week being copied, the pattern. */
export function useRosterEditors() {
  const [editing, setEditing] = useState<{ date: string; code: string } | null>(null);
  const [copying, setCopying] = useState<string | null>(null);
  const [patternOpen, setPatternOpen] = useState(false);
  return {
    editing,
    openShift: (date: string, code: string) => {
      setEditing({ date, code });
    },
    closeShift: () => {
      setEditing(null);
    },
    copying,
    openCopy: (monday: string) => {
      setCopying(monday);
    },
    closeCopy: () => {
      setCopying(null);
    },
    patternOpen,
    openPattern: () => {
      setPatternOpen(true);
    },
    closePattern: () => {
      setPatternOpen(false);
    },
  };
}
