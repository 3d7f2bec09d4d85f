import { useState } from 'react';
import type { CameraImportReport } from '../../../../../common/contract/cameras';
import { useApiMutation } from '../../../api';

export type ImportFormat = 'csv' | 'json';

/** A file's format from its name, else from its first character (JSON files open with [ or {). */
function guessFormat(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

/**
 * The import dialog's text, format and last report, and the one call that checks (dryRun) or
 * imports: the hub parses the text, so the report's lines match the file.
 */
export function useCameraImport() {
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<CameraImportReport | null>(null);
  const importer = useApiMutation('cameras.import', {
    invalidates: ['cameras.list'],
    onSuccess: setReport,
  });

  const run = (dryRun: boolean) => {
    importer.mutate({ format, text, dryRun });
  };
  const changed = (next: string) => {
    setText(next);
    // A report describes the text it was made from; an edited text needs a new check.
    setReport(null);
  };
  const fileRead = (name: string, content: string) => {
    setFileName(name);
    setFormat(guessFormat(name, content));
    changed(content);
  };
  const formatChosen = (next: ImportFormat) => {
    setFormat(next);
    setReport(null);
  };
  return { format, text, fileName, report, importer, run, changed, fileRead, formatChosen };
}

export type CameraImport = ReturnType<typeof useCameraImport>;
