// The Python interpreter that can run engines/dask/run.py: the first of
// $CLAIMCHECK_PYTHON, /usr/bin/python3 (Debian's python3-distributed) and python3
// on PATH that imports `distributed`; undefined when none does.

import { spawnSync } from 'node:child_process';

/** A python that imports dask.bag and distributed, or undefined. */
export function daskPython(): string | undefined {
  const candidates = [process.env.CLAIMCHECK_PYTHON, '/usr/bin/python3', 'python3'].filter((name): name is string => Boolean(name));
  return candidates.find((python) => spawnSync(python, ['-c', 'import dask.bag, distributed'], { stdio: 'ignore' }).status === 0);
}
