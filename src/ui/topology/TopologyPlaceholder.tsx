/** Where the topology graph will go. Until it exists, say so plainly and offer a first step. */
import { useLab } from '../../store';

const FIRST_COMMANDS = ['docker run -d --name web nginx', 'docker run -it busybox sh'];

export function TopologyPlaceholder() {
  const run = useLab((s) => s.run);
  return (
    <section
      aria-labelledby="topology-heading"
      className="flex min-h-0 flex-col items-center justify-center gap-2 rounded-xl border border-dashed border-slate-300 bg-white/60 p-4 text-center dark:border-slate-700 dark:bg-slate-900/40"
    >
      <svg
        viewBox="0 0 64 40"
        className="h-8 w-14 text-slate-400 dark:text-slate-500"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <rect x="2" y="2" width="16" height="12" rx="2" />
        <rect x="46" y="2" width="16" height="12" rx="2" />
        <rect x="24" y="26" width="16" height="12" rx="2" />
        <path d="M10 14v6h22v6M54 14v6H32" strokeDasharray="3 3" />
      </svg>
      <h2 id="topology-heading" className="text-base font-semibold">
        Topology graph
      </h2>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
        The network graph is not built yet. It will draw the host, its bridges, veth pairs and
        containers as you run commands. For now, the outline above lists them as text.
      </p>
      <div className="flex flex-col items-center gap-2">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Try a first command
        </p>
        <ul className="flex flex-wrap justify-center gap-2">
          {FIRST_COMMANDS.map((command) => (
            <li key={command}>
              <button
                type="button"
                onClick={() => run(command)}
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-mono text-xs text-slate-800 hover:border-sky-500 hover:text-sky-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:border-sky-400 dark:hover:text-sky-300"
              >
                {command}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
