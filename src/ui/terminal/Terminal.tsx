/**
 * The lab's terminal: the transcript as plain text (never HTML), and an input line at the
 * current prompt with readline's keys (use-terminal-keys.ts). It only reads the store and calls
 * its actions.
 */
import { Suspense, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { chunksOf, selectHistory, selectPrompt, useLab, type TranscriptEntry } from '../../store';
import { useTerminalKeys } from './use-terminal-keys';
import { afterEngine } from '../lazy';

// The editor (and its strings) loads with the engine: only a typed `nano FILE` opens it.
const FileEditorHost = afterEngine(
  () => import('../editor/FileEditor').then((m) => m.FileEditorHost),
  ['editor'],
);

/** What a newcomer can click on an empty lab; each button is the line it types. */
const FIRST_COMMANDS = ['docker run -d --name web nginx', 'docker run -it busybox sh'];

export function Terminal() {
  const { t } = useTranslation();
  const transcript = useLab((s) => s.transcript);
  const prompt = useLab(selectPrompt);
  const history = useLab(useShallow(selectHistory));
  const run = useLab((s) => s.run);
  // The first commands are offered on an empty lab, not on a screen `clear` emptied.
  const empty = useLab((s) => s.transcript.length === 0 && s.log.length === 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const line = useTerminalKeys(inputRef, scrollRef, history);
  const keysHint = useId();

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [transcript]);

  // A click (not a text selection, which would be lost) puts the caret back on the input line.
  const focusInput = () => {
    if (!window.getSelection()?.toString()) inputRef.current?.focus();
  };

  // Like a real terminal, the input line follows the output and scrolls with it.
  return (
    <section
      aria-label="Terminal"
      className="relative flex min-h-0 flex-col overflow-hidden rounded-xl border border-zinc-800 bg-zinc-950 font-mono text-[13px] leading-5 text-zinc-200 shadow-lg [color-scheme:dark]"
    >
      <div
        ref={scrollRef}
        onClick={focusInput}
        className="min-h-0 flex-1 cursor-text overflow-y-auto px-4 py-3 whitespace-pre-wrap wrap-anywhere [tab-size:8]"
      >
        <div role="log" aria-label="Terminal output" aria-live="polite">
          {transcript.map((entry, i) => (
            <TranscriptLines key={i} entry={entry} />
          ))}
        </div>
        {/* In a narrow dock a long prompt (a container's bash) leaves the line to wrap, never no room. */}
        <label className="flex flex-wrap">
          <span className="text-emerald-400">{line.searchPrompt ?? prompt}</span>
          <input
            ref={inputRef}
            type="text"
            aria-label="Terminal input"
            aria-describedby={keysHint}
            autoFocus
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={line.value}
            onChange={line.onChange}
            onKeyDown={line.onKeyDown}
            placeholder={empty ? t('terminal.placeholder') : undefined}
            className="min-w-[12ch] flex-1 bg-transparent text-zinc-50 caret-emerald-400 outline-none placeholder:text-zinc-600"
          />
        </label>
        <p id={keysHint} className="sr-only">
          {t('terminal.keys')}
        </p>
        {empty && (
          <p className="mt-3 flex flex-wrap items-center gap-2 font-sans text-xs text-zinc-400">
            {t('terminal.firstCommands')}
            {FIRST_COMMANDS.map((command) => (
              <button
                key={command}
                type="button"
                onClick={() => {
                  run(command);
                  inputRef.current?.focus();
                }}
                className="rounded border border-zinc-700 px-2 py-0.5 font-mono text-zinc-200 hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-emerald-400"
              >
                {command}
              </button>
            ))}
          </p>
        )}
      </div>
      <Suspense>
        <FileEditorHost />
      </Suspense>
    </section>
  );
}

/**
 * One line and its output, stdout and stderr in the order the program wrote them. What a line
 * wrote after clearing the screen shows without the line, which the clear wiped.
 */
function TranscriptLines({ entry }: { entry: TranscriptEntry }) {
  const chunks = chunksOf(entry);
  return (
    <div>
      {(entry.prompt || entry.command) && (
        <div>
          <span className="text-emerald-400">{entry.prompt}</span>
          <span className="text-zinc-50">{entry.command}</span>
        </div>
      )}
      {chunks.length > 0 && (
        <div>
          {chunks.map((c, i) => (
            <span
              key={i}
              className={
                c.stream === 'stdout'
                  ? 'text-zinc-300'
                  : // stderr also carries progress and notices ("Unable to find image…"): red only on failure.
                    entry.exitCode === 0
                    ? 'text-amber-200/85'
                    : 'text-rose-400'
              }
            >
              {i === chunks.length - 1 ? withoutFinalNewline(c.text) : c.text}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** Output ends in a newline; the block already starts a new line after it. */
const withoutFinalNewline = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text);
