/**
 * An accessible modal: labelled by its title, focus moved in and trapped, Esc closes. It shows
 * the command line the form stands for as it will be typed, and the engine's complaint when the
 * line would fail, so a learner sees both the CLI and its rules.
 */
import {
  useEffect,
  useId,
  useRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** The line the primary button runs. */
  line: string;
  /** The engine's error for `line` after a failed attempt. */
  error?: string;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, line, error, submitLabel, onSubmit, onClose, children }: Props) {
  const { t } = useTranslation('actions');
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab' && ref.current) {
      const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => !el.hasAttribute('disabled'),
      );
      const first = items[0];
      const last = items.at(-1);
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 pt-[10vh]"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <form
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onSubmit={submit}
        className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-5 shadow-2xl dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id={titleId} className="mb-4 text-base font-semibold">
          {title}
        </h2>
        <div className="flex flex-col gap-3">{children}</div>
        <div className="mt-4">
          <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">{t('dialog.willType')}</p>
          <output
            aria-label={t('dialog.commandLine')}
            aria-live="off"
            className="block rounded-md bg-zinc-950 px-3 py-2 font-mono text-[13px] whitespace-pre-wrap text-zinc-100 wrap-anywhere"
          >
            <span className="text-zinc-500 select-none">$ </span>
            {line}
          </output>
        </div>
        {error !== undefined && (
          <div
            role="alert"
            className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            <p className="font-medium">{t('dialog.wouldFail')}</p>
            <pre className="mt-1 font-mono text-xs whitespace-pre-wrap wrap-anywhere">{error}</pre>
          </div>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button
            type="button"
            onClick={onClose}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            {t('dialog.cancel')}
          </button>
          <button
            type="submit"
            className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
