/**
 * A Dockerfile's stages (each FROM starts one, `AS name` names it) and the variable substitution
 * BuildKit applies to instruction arguments (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`).
 */
import type { Instruction } from './dockerfile';

export interface Stage {
  readonly index: number;
  /** `AS name`, lowercased; absent for an unnamed stage. */
  readonly name?: string;
  readonly from: Instruction;
  readonly instructions: readonly Instruction[];
}

/** Splits instructions into stages; ARGs before the first FROM are the meta args FROM may use. */
export function buildStages(
  instructions: readonly Instruction[],
  buildArgs: Readonly<Record<string, string>>,
): { stages: Stage[]; metaArgs: Record<string, string> } {
  const metaArgs: Record<string, string> = {};
  const stages: { index: number; name?: string; from: Instruction; instructions: Instruction[] }[] =
    [];
  for (const ins of instructions) {
    if (ins.kind === 'FROM') {
      stages.push({
        index: stages.length,
        ...(ins.stage ? { name: ins.stage } : {}),
        from: ins,
        instructions: [],
      });
    } else if (stages.length) stages[stages.length - 1].instructions.push(ins);
    else if (ins.kind === 'ARG')
      for (const [k, v] of ins.args) {
        const value = buildArgs[k] ?? v;
        if (value !== undefined) metaArgs[k] = value;
      }
  }
  return { stages, metaArgs };
}

/** How BuildKit names a stage in its progress: `builder`, or `stage-1` for an unnamed one. */
export const stageLabel = (s: Stage): string => s.name ?? `stage-${s.index}`;

/** BuildKit's shell-lexer substitution for instruction arguments (not RUN, whose shell does it). */
export function substitute(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(
    /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (m, braced?: string, op?: string, word?: string, bare?: string) => {
      if (m === '\\$') return '$';
      const name = braced ?? bare ?? '';
      const value = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
      if (op === '-') return value ? value : (word ?? '');
      if (op === '+') return value ? (word ?? '') : '';
      return value ?? '';
    },
  );
}

/** BuildKit builds only what the target needs: its stage and the stages it copies from or starts from. */
export function neededStages(stages: readonly Stage[], target: number): Stage[] {
  const need = new Set<number>([target]);
  for (let i = target; i >= 0; i--) {
    if (!need.has(i)) continue;
    const s = stages[i];
    const refs = [
      s.from.kind === 'FROM' ? s.from.image : '',
      ...s.instructions.flatMap((x) => (x.kind === 'COPY' && x.from !== undefined ? [x.from] : [])),
    ];
    for (const r of refs) {
      const dep = stages.find(
        (x) => (x.name === r.toLowerCase() || String(x.index) === r) && x.index < i,
      );
      if (dep) need.add(dep.index);
    }
  }
  return stages.filter((s) => need.has(s.index));
}
