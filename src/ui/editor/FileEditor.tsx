/**
 * The editor `nano FILE` opens: a plain textarea with line numbers. Save (or Ctrl+S) types the
 * here-document that writes the file, line by line, into the terminal; Cancel (or Esc) types
 * nothing. Tab moves focus as everywhere else, so the keyboard can always leave the text.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../../store';
import type { EditableFile } from '../../store/lab-engine';
import { closeEditor, useEditorFile } from './editor-store';
import { saveLines } from './save-lines';

/** Mounted with the terminal; shows the editor while a file is open. */
export function FileEditorHost() {
  const file = useEditorFile();
  // Keyed by the file, so reopening starts from the file's content again.
  return file ? <FileEditor key={file.name} file={file} /> : null;
}

function FileEditor({ file }: { file: EditableFile }) {
  const { t } = useTranslation('editor');
  const run = useLab((s) => s.run);
  const [text, setText] = useState(file.content);
  const hintId = useId();
  const gutterRef = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => saveLines(file.name, text), [file.name, text]);
  const lineCount = text.split('\n').length;

  const save = () => {
    for (const line of lines) run(line);
    closeEditor();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeEditor();
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      save();
    }
  };

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 pt-[6vh]">
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t('title', { file: file.name })}
        onKeyDown={onKeyDown}
        className="flex w-full max-w-3xl flex-col rounded-xl border border-zinc-700 bg-zinc-950 text-zinc-100 shadow-2xl [color-scheme:dark]"
      >
        <h2 className="border-b border-zinc-800 px-4 py-2 font-mono text-sm font-semibold">
          {t('title', { file: file.name })}
        </h2>
        <div className="flex max-h-[60vh] min-h-[16rem] overflow-hidden font-mono text-[14px] leading-6">
          <pre
            ref={gutterRef}
            aria-hidden="true"
            className="overflow-hidden border-r border-zinc-800 px-2 py-2 text-right text-zinc-500 select-none"
          >
            {Array.from({ length: lineCount }, (_, i) => i + 1).join('\n')}
          </pre>
          <textarea
            aria-label={t('content')}
            aria-describedby={hintId}
            autoFocus
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            wrap="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onScroll={(e) => {
              if (gutterRef.current) gutterRef.current.scrollTop = e.currentTarget.scrollTop;
            }}
            className="min-w-0 flex-1 resize-none bg-transparent px-3 py-2 whitespace-pre text-zinc-50 caret-emerald-400 outline-none [tab-size:2]"
          />
        </div>
        <p id={hintId} className="border-t border-zinc-800 px-4 py-2 text-xs text-zinc-400">
          {t('willType')}{' '}
          <code className="text-zinc-200">
            {lines[0]} … {lines.at(-1)}
          </code>
        </p>
        <div className="flex justify-end gap-2 px-4 pb-3">
          <button
            type="button"
            onClick={closeEditor}
            className="rounded-md border border-zinc-600 px-3 py-1.5 text-sm hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-emerald-400"
          >
            {t('cancel')}
          </button>
          <button
            type="button"
            onClick={save}
            className="rounded-md bg-emerald-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-emerald-300"
          >
            {t('save')}
          </button>
        </div>
      </div>
    </div>
  );
}
