/** `Usage:` lines and one-line descriptions of the docker commands the lab knows (docker-cli 27.5). */
export interface CommandUsage {
  readonly use: string;
  readonly short: string;
}

export const COMMANDS: Readonly<Record<string, CommandUsage>> = {
  'docker run': {
    use: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create and run a new container from an image',
  },
  'docker create': {
    use: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new container',
  },
  'docker start': {
    use: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Start one or more stopped containers',
  },
  'docker stop': {
    use: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Stop one or more running containers',
  },
  'docker restart': {
    use: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Restart one or more containers',
  },
  'docker rm': {
    use: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Remove one or more containers',
  },
  'docker ps': { use: 'docker ps [OPTIONS]', short: 'List containers' },
  'docker inspect': {
    use: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
  },
  'docker port': {
    use: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
    short: 'List port mappings or a specific mapping for the container',
  },
  'docker logs': { use: 'docker logs [OPTIONS] CONTAINER', short: 'Fetch the logs of a container' },
  'docker images': { use: 'docker images [OPTIONS] [REPOSITORY[:TAG]]', short: 'List images' },
  'docker commit': {
    use: 'docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
    short: "Create a new image from a container's changes",
  },
  'docker exec': {
    use: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    short: 'Execute a command in a running container',
  },
  'docker version': {
    use: 'docker version [OPTIONS]',
    short: 'Show the Docker version information',
  },
  'docker tag': {
    use: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  },
  'docker rmi': {
    use: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
    short: 'Remove one or more images',
  },
  'docker image rm': {
    use: 'docker image rm [OPTIONS] IMAGE [IMAGE...]',
    short: 'Remove one or more images',
  },
  'docker image prune': { use: 'docker image prune [OPTIONS]', short: 'Remove unused images' },
  'docker save': {
    use: 'docker save [OPTIONS] IMAGE [IMAGE...]',
    short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  },
  'docker load': {
    use: 'docker load [OPTIONS]',
    short: 'Load an image from a tar archive or STDIN',
  },
  'docker push': {
    use: 'docker push [OPTIONS] NAME[:TAG]',
    short: 'Upload an image to a registry',
  },
  'docker search': { use: 'docker search [OPTIONS] TERM', short: 'Search Docker Hub for images' },
  'docker login': { use: 'docker login [OPTIONS] [SERVER]', short: 'Authenticate to a registry' },
  'docker logout': { use: 'docker logout [SERVER]', short: 'Log out from a registry' },
  'docker pull': {
    use: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
    short: 'Download an image from a registry',
  },
  'docker network': { use: 'docker network COMMAND', short: 'Manage networks' },
  'docker node': { use: 'docker node COMMAND', short: 'Manage Swarm nodes' },
  'docker node inspect': {
    use: 'docker node inspect [OPTIONS] self|NODE [NODE...]',
    short: 'Display detailed information on one or more nodes',
  },
  'docker node ls': { use: 'docker node ls [OPTIONS]', short: 'List nodes in the swarm' },
  'docker swarm': { use: 'docker swarm COMMAND', short: 'Manage Swarm' },
  'docker swarm init': { use: 'docker swarm init [OPTIONS]', short: 'Initialize a swarm' },
  'docker swarm join': {
    use: 'docker swarm join [OPTIONS] HOST:PORT',
    short: 'Join a swarm as a node and/or manager',
  },
  'docker swarm join-token': {
    use: 'docker swarm join-token [OPTIONS] (worker|manager)',
    short: 'Manage join tokens',
  },
  'docker swarm leave': { use: 'docker swarm leave [OPTIONS]', short: 'Leave the swarm' },
  'docker network connect': {
    use: 'docker network connect [OPTIONS] NETWORK CONTAINER',
    short: 'Connect a container to a network',
  },
  'docker network create': {
    use: 'docker network create [OPTIONS] NETWORK',
    short: 'Create a network',
  },
  'docker network disconnect': {
    use: 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
    short: 'Disconnect a container from a network',
  },
  'docker network inspect': {
    use: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
    short: 'Display detailed information on one or more networks',
  },
  'docker network ls': { use: 'docker network ls [OPTIONS]', short: 'List networks' },
  'docker network prune': {
    use: 'docker network prune [OPTIONS]',
    short: 'Remove all unused networks',
  },
  'docker network rm': {
    use: 'docker network rm NETWORK [NETWORK...]',
    short: 'Remove one or more networks',
  },
  'docker kill': {
    use: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Kill one or more running containers',
  },
  'docker pause': {
    use: 'docker pause CONTAINER [CONTAINER...]',
    short: 'Pause all processes within one or more containers',
  },
  'docker unpause': {
    use: 'docker unpause CONTAINER [CONTAINER...]',
    short: 'Unpause all processes within one or more containers',
  },
  'docker rename': { use: 'docker rename CONTAINER NEW_NAME', short: 'Rename a container' },
  'docker top': {
    use: 'docker top CONTAINER [ps OPTIONS]',
    short: 'Display the running processes of a container',
  },
  'docker stats': {
    use: 'docker stats [OPTIONS] [CONTAINER...]',
    short: 'Display a live stream of container(s) resource usage statistics',
  },
  'docker wait': {
    use: 'docker wait CONTAINER [CONTAINER...]',
    short: 'Block until one or more containers stop, then print their exit codes',
  },
  'docker update': {
    use: 'docker update [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Update configuration of one or more containers',
  },
  'docker info': { use: 'docker info [OPTIONS]', short: 'Display system-wide information' },
  'docker container prune': {
    use: 'docker container prune [OPTIONS]',
    short: 'Remove all stopped containers',
  },
  'docker volume': { use: 'docker volume COMMAND', short: 'Manage volumes' },
  'docker volume create': {
    use: 'docker volume create [OPTIONS] [VOLUME]',
    short: 'Create a volume',
  },
  'docker volume inspect': {
    use: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
    short: 'Display detailed information on one or more volumes',
  },
  'docker volume ls': { use: 'docker volume ls [OPTIONS]', short: 'List volumes' },
  'docker volume prune': {
    use: 'docker volume prune [OPTIONS]',
    short: 'Remove unused local volumes',
  },
  'docker volume rm': {
    use: 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
    short: 'Remove one or more volumes',
  },
  'docker cp': {
    use: 'docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
    short: 'Copy files/folders between a container and the local filesystem',
  },
  'docker diff': {
    use: 'docker diff CONTAINER',
    short: "Inspect changes to files or directories on a container's filesystem",
  },
  'docker export': {
    use: 'docker export [OPTIONS] CONTAINER',
    short: "Export a container's filesystem as a tar archive",
  },
  'docker system': { use: 'docker system COMMAND', short: 'Manage Docker' },
  'docker system df': { use: 'docker system df [OPTIONS]', short: 'Show docker disk usage' },
  'docker system events': {
    use: 'docker system events [OPTIONS]',
    short: 'Get real time events from the server',
  },
  'docker system info': {
    use: 'docker system info [OPTIONS]',
    short: 'Display system-wide information',
  },
  'docker system prune': { use: 'docker system prune [OPTIONS]', short: 'Remove unused data' },
};
