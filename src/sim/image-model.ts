/**
 * The daemon's images, as docker-model.ts's Daemon holds them: what a container starts from (its
 * config, its tools and files, layer by layer), the names and digests that point at it, and its
 * history. Plain, immutable data.
 */
/** A digest reference: the repository and its manifest digest (`sha256:…`). */
export interface RepoDigest {
  readonly repo: string;
  readonly digest: string;
}

export interface Image {
  readonly id: string;
  readonly repo: string;
  readonly tag: string;
  readonly created: number;
  readonly size: number;
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[] | null;
  readonly exposedPorts: readonly string[];
  readonly env: readonly string[];
  readonly workingDir: string;
  /** Programs on the image's PATH (`ip`, `ping`, `curl`, …). */
  readonly tools: readonly string[];
  /** Which userland answers: busybox applets, or Debian/Alpine/CentOS packages. */
  readonly flavour: ImageFlavour;
  /** Exit code when `docker stop` ends the main process (0 on clean SIGTERM, 137 if killed). */
  readonly stopExitCode: number;
  /** Further names of the same image (`docker build -t a:1 -t b:2`); `repo:tag` is the first. */
  readonly extraTags?: readonly { readonly repo: string; readonly tag: string }[];
  /**
   * Digest references (`repo@sha256:…`): the manifest digest a pull or a push left for each
   * repository, in the reference store's order.
   */
  readonly repoDigests?: readonly RepoDigest[];
  /** `docker commit -a` / `-m`. */
  readonly author?: string;
  readonly comment?: string;
  /**
   * The image's file system, lowest layer first. Layers are shared by reference between an image,
   * the images built on it and the containers run from it, so worlds stay cheap to copy.
   */
  readonly layers?: readonly FileLayer[];
  /** The registry image this one was committed or built from, whose server its command runs. */
  readonly origin?: { readonly repo: string; readonly tag: string };
  /** `LABEL` (added to the origin's own labels). */
  readonly labels?: Readonly<Record<string, string>>;
  /** `USER`. */
  readonly user?: string;
  /** `VOLUME`: paths each container gets an anonymous volume on. */
  readonly volumes?: readonly string[];
  /** What made each layer, oldest first (`docker history`); absent for registry images. */
  readonly history?: readonly ImageHistoryEntry[];
}

/**
 * One layer of files, as overlayfs stacks them: files it adds or changes (path -> content),
 * directories it makes, and paths it deletes from the layers below (whiteouts).
 */
export interface FileLayer {
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: readonly string[];
  readonly removed: readonly string[];
}

/** One line of `docker history`: the instruction, when it ran and what it added. */
export interface ImageHistoryEntry {
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
  /** A metadata-only step (ENV, CMD, …): no layer of its own. */
  readonly emptyLayer: boolean;
}

export type ImageFlavour = 'busybox' | 'alpine' | 'debian' | 'centos';
