/** The lab host's hardware as dockerd reports it (`docker info`, the memory limit in `docker stats`). */
export const HOST_CPUS = 2;
/** MemTotal of a 4 GB VM after the kernel's reservations: 3.568GiB. */
export const HOST_MEMORY = 3_831_525_376;
