// Half-remembered option and command names ("--pid-limit", "docker status"): the name the student meant, when one
// of the notes' options or commands is clearly the one, so the question is answered for it and the answer can say
// the right spelling. A name Docker itself has (a flag the notes never mention, "docker port") is never renamed.
import { DOCKER_SUBCOMMANDS } from './closed-class.js';
import { editDistance } from './spelling.js';
import { escapeRegExp } from '../text/escape-regexp.js';

/** Long flags of the Docker CLI and daemon (docker run/create/update/exec/build/stats/ps/images/logs/system …, dockerd). */
const DOCKER_FLAGS = new Set(
  `add-host annotation attach blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent cgroupns cidfile
  cpu-count cpu-percent cpu-period cpu-quota cpu-rt-period cpu-rt-runtime cpu-shares cpus cpuset-cpus cpuset-mems
  detach detach-keys device device-cgroup-rule device-read-bps device-read-iops device-write-bps device-write-iops
  disable-content-trust dns dns-option dns-search domainname entrypoint env env-file expose gpus group-add
  health-cmd health-interval health-retries health-start-interval health-start-period health-timeout help hostname
  init interactive io-maxbandwidth io-maxiops ip ip6 ipc isolation kernel-memory label label-file link link-local-ip
  log-driver log-opt mac-address memory memory-reservation memory-swap memory-swappiness mount name network
  network-alias no-healthcheck oom-kill-disable oom-score-adj pid pids-limit platform privileged publish publish-all
  pull quiet read-only restart rm runtime security-opt shm-size sig-proxy stop-signal stop-timeout storage-opt sysctl
  tmpfs tty ulimit use-api-socket user userns uts volume volume-driver volumes-from workdir
  all no-stream no-trunc format filter force tail follow timestamps since until details size latest last digests
  time timeout signal tag file build-arg target no-cache progress squash output cache-from cache-to secret ssh
  driver subnet gateway ip-range aux-address internal attachable volumes human verbose limit all-tags password
  password-stdin username privileged change message author pause type
  bridge iptables ip6tables storage-driver data-root default-ulimit live-restore userns-remap exec-opt debug
  log-level host tls tlsverify containerd default-runtime default-shm-size experimental icc seccomp-profile`
    .split(/\s+/)
    .filter(Boolean),
);

/** Docker CLI commands besides the ones the notes use (closed-class.ts). */
const DOCKER_COMMANDS = new Set([
  ...DOCKER_SUBCOMMANDS,
  ...`version unpause rename port wait export import search logout context compose container image builder buildx
  scout init manifest plugin secret service stack swarm node config trust checkpoint desktop`
    .split(/\s+/)
    .filter(Boolean),
]);

export interface Renamed {
  typed: string;
  meant: string;
}

/** The one candidate nearest `name` within `max` edits; none when two are equally near. */
function nearest(name: string, candidates: Iterable<string>, max: number): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(name, c, max);
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best && !tie ? best : undefined;
}

const OPTION = /(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\w-])/gi;
const COMMAND = /(`|\$\s*)?\bdocker\s+([a-z]{3,})\b(?=(.{0,12}))/gis;
/** What shows a word after "docker" was typed as a command, not written as prose ("docker too", "docker stacks layers"). */
const TYPED_AFTER = /^\s*(?:`|-{1,2}[a-z]|<|[a-z0-9_./:-]+\s*`|치|쳐|쳤|입력|실행|하면|했|해도|하니)/i;

/**
 * The misnamed options and commands of a question, each with the name meant: an option neither the notes nor Docker
 * has, within two edits of exactly one option of theirs (one edit for short names); a `docker` command Docker does not
 * have, likewise near one of the notes' commands, if it is no word (`isWord`) or was typed as a command (in
 * backticks, after a prompt, before an option, or with 치면 / 했더니).
 */
export function misnamed(text: string, notesOptions: ReadonlySet<string>, isWord: (word: string) => boolean): Renamed[] {
  const out: Renamed[] = [];
  const seen = new Set<string>();
  for (const [, raw] of text.matchAll(OPTION)) {
    const name = raw.toLowerCase();
    if (seen.has(name) || notesOptions.has(name) || DOCKER_FLAGS.has(name) || name.length < 3) continue;
    seen.add(name);
    const meant = nearest(name, new Set([...notesOptions, ...DOCKER_FLAGS]), name.length <= 5 ? 1 : 2);
    if (meant) out.push({ typed: `--${raw}`, meant: `--${meant}` });
  }
  for (const [, opened, raw, after] of text.matchAll(COMMAND)) {
    const name = raw.toLowerCase();
    if (seen.has(name) || DOCKER_COMMANDS.has(name)) continue;
    // A word of the language after "docker" is prose unless it was typed as a command.
    if (isWord(name) && !opened && !TYPED_AFTER.test(after)) continue;
    seen.add(name);
    const meant = nearest(name, DOCKER_SUBCOMMANDS, name.length <= 5 ? 1 : 2);
    if (meant) out.push({ typed: `docker ${raw}`, meant: `docker ${meant}` });
  }
  return out;
}

/** The question with each misnamed option or command written as the one meant. */
export function withNamesMeant(text: string, renamed: Renamed[]): string {
  return renamed.reduce((t, r) => t.replace(new RegExp(`${escapeRegExp(r.typed)}(?![\\w-])`, 'gi'), r.meant), text);
}
