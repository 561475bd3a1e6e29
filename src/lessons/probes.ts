/** Probe command lines more than one lesson checks with. */

/** The names of the networks a container is on, space-separated, as `docker inspect` lists them. */
export const networksOf = (name: string) =>
  `docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' ${name}`;
