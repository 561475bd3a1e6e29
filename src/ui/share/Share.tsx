/**
 * The Share button, the link it produces (design.md contract 3), and the notice a broken share
 * link leaves. Text only: commands and messages are rendered as React text, never as HTML.
 */
import { useRef, useState } from 'react';
import { labStore, selectShareHash, useLab } from '../../store';

export function ShareButton() {
  const [url, setUrl] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);

  const share = () => {
    const link = location.origin + location.pathname + selectShareHash(labStore.getState());
    setUrl(link);
    // Selected for Ctrl+C even when the clipboard is not allowed (insecure origin, denied permission).
    queueMicrotask(() => inputRef.current?.select());
    navigator.clipboard?.writeText(link).catch(() => {});
  };

  return (
    <div className="flex items-center gap-2">
      {url !== undefined && (
        <input
          ref={inputRef}
          type="text"
          readOnly
          aria-label="Share link"
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="w-72 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
        />
      )}
      <button
        type="button"
        onClick={share}
        className="rounded-md bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      >
        Share
      </button>
    </div>
  );
}

export function ShareNotice() {
  const notice = useLab((s) => s.notice);
  const dismiss = useLab((s) => s.dismissNotice);
  if (notice === undefined) return null;
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>{notice} You are in an empty lab.</p>
      <button type="button" onClick={dismiss} className="font-medium underline">
        Dismiss
      </button>
    </div>
  );
}
