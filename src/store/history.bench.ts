/** Undo, redo and the timeline on a 200-command lab: a cache lookup, not a replay (target: well under 1 ms). */
import { bench, describe } from 'vitest';
import { redo, seek, undo } from './history';
import { createLabData, runCommand } from './lab';

const lines: string[] = [];
for (let i = 0; lines.length < 200; i++)
  lines.push(
    `docker run -dit --name t${i} busybox`,
    `docker network create n${i}`,
    `docker network connect n${i} t${i}`,
    `docker exec t${i} ip addr`,
    `docker stop t${i}`,
  );
const lab = lines.reduce(runCommand, createLabData());

describe('history on a 200-command log', () => {
  bench('undo', () => {
    undo(lab);
  });
  bench('undo then redo', () => {
    redo(undo(lab));
  });
  bench('scrub the timeline to the middle and back', () => {
    seek(seek(lab, 100), 200);
  });
});
