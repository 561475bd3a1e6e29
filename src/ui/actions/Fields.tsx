/**
 * The dialogs' form fields: a visible label that is also the field's accessible name, an
 * optional hint the field is described by, and the monospace look of something typed at a shell.
 */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export const inputClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-950';

interface FieldProps {
  label: string;
  hint?: string;
}

/** A labelled field around any control, given the id and description it must carry. */
export function Field({
  label,
  hint,
  children,
}: FieldProps & {
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, ...(hint ? { 'aria-describedby': hintId } : {}) })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  );
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

export function TextField({
  label,
  hint,
  value,
  onChange,
  ...input
}: FieldProps & InputRest & { value: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <input
          {...input}
          {...p}
          className={inputClass}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A choice shown as its own value (a name), or with a label of its own. */
export type Choice = string | { readonly value: string; readonly label: string };

export function SelectField({
  label,
  hint,
  value,
  onChange,
  choices,
}: FieldProps & { value: string; onChange: (value: string) => void; choices: readonly Choice[] }) {
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <select
          {...p}
          className={inputClass}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {choices.map((c) => {
            const { value: v, label: l } = typeof c === 'string' ? { value: c, label: c } : c;
            return (
              <option key={v} value={v}>
                {l}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}
