/** A parsed line, as bash's grammar builds it: lists of pipelines of simple commands of words. */
export type WordPart =
  | { readonly kind: 'lit'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string; readonly quoted: boolean }
  | { readonly kind: 'sub'; readonly source: string; readonly quoted: boolean };

export type Word = readonly WordPart[];

export interface Redirect {
  readonly op: '>' | '>>' | '<' | '2>' | '2>&1' | '>&2' | '<<' | '<<-';
  readonly target: Word;
  /** For `<<`/`<<-`: the delimiter as bash reads it (quotes removed) and whether it was quoted. */
  readonly heredoc?: Heredoc;
}

export interface Heredoc {
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

export interface SimpleCommand {
  readonly assignments: readonly { readonly name: string; readonly value: Word }[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
}

export interface Pipeline {
  readonly commands: readonly SimpleCommand[];
}

export interface AndOrList {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
}

/** Lists separated by `;` or newlines, run one after the other. */
export type Script = readonly AndOrList[];
