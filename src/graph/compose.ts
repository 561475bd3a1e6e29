/**
 * What the graph says about Docker Compose, read from the labels compose puts on what it creates
 * (docker/compose pkg/api/labels.go): a project's networks wear a "compose: <project>" tag by
 * their bar, its containers say their service beside their name, and the DNS badge lists the
 * names the embedded DNS answers on its network (container name, then aliases: compose adds the
 * service name there).
 */
import type { Container, Host, Network } from '../sim';
import { networkRef } from './refs';
import { HOST_ID, node, type GraphElement, type GraphText } from './elements';

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';

export interface ComposeMembership {
  readonly project: string;
  /** A container's service; undefined for a network. */
  readonly service?: string;
}

/** The compose project (and service) a set of labels names, if compose made the object. */
export function composeOf(
  labels: Readonly<Record<string, string>> | undefined,
): ComposeMembership | undefined {
  const project = labels?.[PROJECT];
  if (!project) return undefined;
  const service = labels[SERVICE];
  return service ? { project, service } : { project };
}

export const composeTagId = (network: string): string => `compose:${network}`;

/**
 * Characters of the project name the tag's second line holds: the tag is 92px wide (the room left
 * of the DNS badge on the narrowest bar), 12px bold monospace is about 7.2px a character.
 */
export const TAG_NAME_CHARS = 11;

/** The tag's own lines: `compose:` over the project name, cut with `…` when it would not fit. */
export function tagBrief(project: string, text: GraphText): string {
  const name =
    [...project].length > TAG_NAME_CHARS
      ? `${[...project].slice(0, TAG_NAME_CHARS - 1).join('')}…`
      : project;
  return `${text.compose('').trimEnd()}\n${name}`;
}

/**
 * The small tag over a compose network's bar, left of its DNS badge: the project on two lines in
 * the overview, the whole `compose: <project>` when hovered or selected.
 */
export function composeTag(network: Network, text: GraphText): GraphElement | undefined {
  const compose = composeOf(network.labels);
  if (!compose || !network.bridge) return undefined;
  return node(
    composeTagId(network.name),
    'compose',
    text.compose(compose.project),
    {
      parent: HOST_ID,
      ref: networkRef(network.name),
      bridges: [network.bridge],
      brief: tagBrief(compose.project, text),
    },
    [],
  );
}

/** `demo-web-1 · web` in the overview; selected or zoomed in, `… · service web`. */
export function serviceNote(
  c: Container,
  text: GraphText,
): { brief: string; label: string } | undefined {
  const service = composeOf(c.config.labels)?.service;
  return service ? { brief: service, label: text.service(service) } : undefined;
}

/**
 * What 127.0.0.11 answers on this network, one running container a line: its name and aliases
 * (the short id and hostname it also answers are left out, as noise on a projector).
 */
export function dnsAnswers(host: Host, network: Network): string[] {
  const lines: string[] = [];
  for (const c of host.docker.containers.values()) {
    const e = c.endpoints.find((x) => x.networkId === network.id && x.joined);
    if (!e?.joined) continue;
    const names = [...new Set([c.name, ...e.aliases])];
    lines.push(`${names.join(', ')} → ${e.joined.ip}`);
  }
  return lines;
}
