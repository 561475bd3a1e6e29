/** A splitter between two panels: a thin line with a wide grab area, keyboard-resizable. */
import { Separator } from 'react-resizable-panels';

interface Props {
  readonly label: string;
  readonly vertical?: boolean;
  readonly hidden?: boolean;
}

export function Splitter({ label, vertical = false, hidden = false }: Props) {
  return (
    <Separator
      aria-label={label}
      className={`group items-center ${hidden ? 'hidden' : 'flex'} justify-center focus-visible:outline-2 focus-visible:outline-sky-500 ${vertical ? 'h-2' : 'w-2'}`}
    >
      <div
        className={`rounded bg-slate-300 group-hover:bg-sky-500 group-data-[separator=active]:bg-sky-600 dark:bg-slate-700 ${vertical ? 'h-0.5 w-10' : 'h-10 w-0.5'}`}
      />
    </Separator>
  );
}
