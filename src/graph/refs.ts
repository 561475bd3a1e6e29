/**
 * What a learner can select, named the same way by the graph, the outline, the inspector and the
 * trace player. A ref is a plain string so it can sit in the store and in element data.
 * Namespaces are named as the trace names them: `host`, a container's sandbox id, `outside`.
 */
export type ObjectRef = string;

export const HOST_REF: ObjectRef = 'host';
export const networkRef = (name: string): ObjectRef => `network:${name}`;
export const containerRef = (name: string): ObjectRef => `container:${name}`;
/** A network namespace's box (a container's, one from `ip netns add`, or `host`). */
export const netnsRef = (netns: string): ObjectRef => `netns:${netns}`;
/** An interface as `ip link` names it, inside its namespace. */
export const deviceRef = (netns: string, dev: string): ObjectRef => `dev:${netns}/${dev}`;
/** A user network's embedded DNS server (127.0.0.11), drawn as a badge on that network. */
export const dnsRef = (network: string): ObjectRef => `dns:${network}`;
export const portRef = (hostIp: string, hostPort: string, proto: string): ObjectRef =>
  `port:${hostIp}:${hostPort}/${proto}`;

export type ParsedRef =
  | { readonly kind: 'host' }
  | { readonly kind: 'network'; readonly name: string }
  | { readonly kind: 'container'; readonly name: string }
  | { readonly kind: 'netns'; readonly netns: string }
  | { readonly kind: 'device'; readonly netns: string; readonly dev: string }
  | { readonly kind: 'port'; readonly key: string }
  | { readonly kind: 'dns'; readonly network: string };

export function parseRef(ref: ObjectRef): ParsedRef | undefined {
  if (ref === HOST_REF) return { kind: 'host' };
  const colon = ref.indexOf(':');
  if (colon < 0) return undefined;
  const kind = ref.slice(0, colon);
  const rest = ref.slice(colon + 1);
  switch (kind) {
    case 'network':
      return { kind, name: rest };
    case 'container':
      return { kind, name: rest };
    case 'netns':
      return { kind, netns: rest };
    case 'dev': {
      const slash = rest.indexOf('/');
      return slash < 0
        ? undefined
        : { kind: 'device', netns: rest.slice(0, slash), dev: rest.slice(slash + 1) };
    }
    case 'port':
      return { kind, key: rest };
    case 'dns':
      return { kind, network: rest };
    default:
      return undefined;
  }
}
