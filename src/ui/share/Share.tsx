/**
 * The Share button, the link it produces (design.md contract 3), and the notice a broken share
 * link, file or autosave leaves. Text only: commands and messages are rendered as React text,
 * never as HTML.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labReady, readyLab, useLab, type Notice } from '../../store';

export function ShareButton() {
  const { t } = useTranslation('share');
  const [url, setUrl] = useState<string>();
  const [status, setStatus] = useState<'copied' | 'selected'>();
  const [atStep, setAtStep] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const cursor = useLab((s) => s.cursor);
  const total = useLab((s) => s.log.length);
  const midway = cursor < total;

  // The link is the lab's log as the engine holds it: a click before the engine is in (and has
  // restored the autosaved lab) waits for it.
  const share = (step = atStep) =>
    void labReady.then(() => {
      const s = readyLab();
      const link =
        location.origin + location.pathname + s.engine.selectShareHash(s, { atStep: step });
      setUrl(link);
      setStatus('selected');
      // Selected for Ctrl+C even when the clipboard is not allowed (insecure origin, denied permission).
      queueMicrotask(() => inputRef.current?.select());
      navigator.clipboard
        ?.writeText(link)
        .then(() => setStatus('copied'))
        .catch(() => {});
    });

  return (
    <div className="flex items-center gap-2">
      {midway && (
        <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
          <input
            type="checkbox"
            checked={atStep}
            aria-describedby={hintId}
            onChange={(e) => {
              setAtStep(e.target.checked);
              if (url !== undefined) share(e.target.checked);
            }}
          />
          {t('atStep')}
          <span id={hintId} className="sr-only">
            {t('atStepHint', { step: cursor, total })}
          </span>
        </label>
      )}
      {url !== undefined && (
        <div className="flex flex-col">
          <input
            ref={inputRef}
            type="text"
            readOnly
            aria-label="Share link"
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="w-72 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
          />
          <span role="status" className="text-[11px] text-slate-500 dark:text-slate-400">
            {status && t(status)}
          </span>
        </div>
      )}
      <button
        type="button"
        aria-label="Share"
        onClick={() => share()}
        className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      >
        {t('button')}
      </button>
    </div>
  );
}

/** The notice's text in the UI language; the English message is the fallback. */
function useNoticeText(notice: Notice): string {
  const { t } = useTranslation('share');
  const group = { share: 'reason', import: 'import', autosave: 'autosave' }[notice.source];
  const reason = t(`${group}.${notice.code}`, { ...notice.values, defaultValue: '' });
  const text = reason ? t(`notice.${notice.source}`, { reason }) : notice.message;
  const state = t(notice.source === 'import' ? 'labKept' : 'emptyLab');
  return t('notice.withState', { text, state });
}

export function ShareNotice() {
  const notice = useLab((s) => s.notice);
  if (notice === undefined) return null;
  return <NoticeAlert notice={notice} />;
}

function NoticeAlert({ notice }: { notice: Notice }) {
  const { t } = useTranslation('share');
  const dismiss = useLab((s) => s.dismissNotice);
  const text = useNoticeText(notice);
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>{text}</p>
      <button type="button" onClick={dismiss} className="font-medium underline">
        {t('dismiss')}
      </button>
    </div>
  );
}
