/**
 * Tab completion for `iptables`: its long options, the tables after `-t`, the table's chains
 * where a command names one (`-L`, `-A`, `-nvL`…), and targets after `-j`.
 */
import { candidates, type Completer } from '../shell/completion';
import { chainsOf, TABLES, userChains } from './iptables';
import { LONG_OPTIONS } from './iptables-args';
import { TARGETS } from './iptables-spec';
import { whereIs } from './place';

/** Commands whose argument is an existing chain (`-N` names a new one). */
const CHAIN_COMMANDS =
  /^(-[nvx]*[ACDIRLSFZXEP]|--(append|check|delete|insert|replace|list|list-rules|flush|zero|delete-chain|rename-chain|policy))$/;

/** The table a line works on: `-t nat`, `--table nat` or `-tnat`, else filter. */
function tableOf(words: readonly string[]): string {
  for (const [i, w] of words.entries()) {
    if (w === '--table') return words[i + 1] ?? 'filter';
    const bundled = /^-[nvx]*t(.*)$/.exec(w);
    if (bundled) return bundled[1] || (words[i + 1] ?? 'filter');
  }
  return 'filter';
}

export const completeIptables: Completer = (r) => {
  const previous = r.words.at(-1) ?? '';
  const beforeThat = r.words.at(-2) ?? '';
  const { host } = whereIs(r);
  const table = tableOf(r.words);
  if (previous === '-t' || previous === '--table') return candidates(TABLES);
  // A rule may jump to a target or to a user chain, never to a built-in one.
  if (previous === '-j' || previous === '--jump')
    return candidates([...Object.keys(TARGETS), ...userChains(host, table)]);
  if (CHAIN_COMMANDS.test(previous)) return candidates(chainsOf(host, table));
  if (/^(-[nvx]*P|--policy)$/.test(beforeThat)) return candidates(['ACCEPT', 'DROP']);
  return r.word.startsWith('-') ? candidates(LONG_OPTIONS) : [];
};
