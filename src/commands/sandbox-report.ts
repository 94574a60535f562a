// Turns sandbox progress and results into bilingual text and embeds (plain data within Discord's limits; the
// console front end prints the same). Refusals and failures are worded in sandbox-error-text.ts.
import { PRESETS, signalName, type PresetName, type SandboxLimits } from '../sandbox/policy.js';
import type { HighWater } from '../sandbox/exit-report.js';
import type { RunResult } from '../sandbox/runner.js';
import type { CompareReport, RunReport } from '../sandbox/service.js';
import type { Sample } from '../sandbox/stats.js';
import { LIMITS, truncate } from './limits.js';
import { CHART_MIN_SAMPLES } from './sandbox-chart-input.js';
import { COLORS } from './render.js';
import type { BotEmbed, Locale } from './types.js';
import { inLocale } from './i18n.js';
export { errorText } from './sandbox-error-text.js';

const EMBED = {
  title: LIMITS.embedTitle,
  description: LIMITS.embedDescription,
  fieldName: LIMITS.fieldName,
  fieldValue: LIMITS.fieldValue,
  footer: LIMITS.footer,
} as const;
export const COLOR = { running: COLORS.streaming, ok: COLORS.answer, warn: COLORS.abstain, bad: COLORS.error, info: COLORS.info } as const;

const L = inLocale;

// Terminal escapes (CSI/OSC), C0 controls but tab and newline, DEL, C1 controls (U+0080–U+009F, e.g.
// U+009B, a one-character CSI) and bidirectional overrides/isolates/marks (U+202A–U+202E, U+2066–U+2069,
// U+200E/F, U+061C), which can make output read differently from what ran.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[@-_]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** Output as it may be shown: no escapes, no controls but tab and newline, no bidi overrides. */
export function cleanOutput(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} %`);
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** The docker run flags equivalent to the limits applied. */
export function limitsLine(l: SandboxLimits): string {
  const parts = [
    `--memory ${l.memoryMb}m`,
    l.memorySwapMb === 'docker-default' ? '--memory-swap (Docker default: 2× memory)' : `--memory-swap ${l.memorySwapMb}m`,
    l.cpus === null ? null : `--cpus ${l.cpus}`,
    `--cpu-shares ${l.cpuShares}`,
    l.cpusetCpus ? `--cpuset-cpus ${l.cpusetCpus}` : null,
    `--pids-limit ${l.pidsLimit}`,
    `--ulimit nofile=${l.nofile}`,
    `--ulimit fsize=${l.fsizeMb}m`,
    `--tmpfs /tmp:size=${l.tmpfsMb}m`,
    '--read-only --network none --cap-drop ALL --security-opt no-new-privileges',
    `--user ${l.user}`,
    l.runtime ? `--runtime ${l.runtime}` : null,
    `timeout ${l.timeoutSeconds} s`,
  ];
  return parts.filter(Boolean).join(' ');
}

/** Last lines of output, safe inside a ``` block and within `max` characters. */
export function outputBlock(tail: string, max: number, capped: boolean): string {
  let text = cleanOutput(tail);
  if (capped || tail.length >= 4096) {
    const nl = text.indexOf('\n');
    if (nl >= 0 && nl < text.length - 1) text = text.slice(nl + 1); // drop a partial first line
  }
  text = text.replace(/`{3,}/g, (m) => m.split('').join('\u200b'));
  const room = max - 8;
  if (text.length > room) text = `…${text.slice(-(room - 1))}`;
  text = text.replace(/\n+$/, '');
  return '```\n' + (text || ' ') + '\n```';
}

/** What showed the OOM kill: Docker's State.OOMKilled and/or the kernel's counter the container read at exit. */
function oomEvidence(r: RunResult): string {
  return r.oomEvidence.length ? r.oomEvidence.join(', ') : 'State.OOMKilled=true';
}

/** Said when a process other than the main one was OOM-killed during the run. */
function childOomNote(r: RunResult, locale: Locale): string {
  if (!r.oomChild) return '';
  return L(
    locale,
    ` 실행 중 메모리 제한(${r.limits.memoryMb} MiB)에 닿아 자식 프로세스 하나가 OOM으로 죽었어요 (${oomEvidence(r)}).`,
    ` During the run a child process hit the memory limit (${r.limits.memoryMb} MiB) and was OOM-killed (${oomEvidence(r)}).`,
  );
}

type OutcomeLine = { title: string; meaning: string; color: number };

function killedOutcome(r: RunResult, locale: Locale, code: number): OutcomeLine | null {
  switch (r.outcome) {
    case 'timeout':
      return {
        title: L(locale, '시간 초과', 'timed out'),
        meaning: L(
          locale,
          `타임아웃(${r.limits.timeoutSeconds}초)에 아직 실행 중인 컨테이너를 봇이 SIGKILL로 끝냈어요 (종료 코드 ${code} = 128+9). 메모리 부족이 아니에요.`,
          `The container was still running at the ${r.limits.timeoutSeconds} s timeout, so the bot killed it with SIGKILL (exit code ${code} = 128+9). Not an OOM kill.`,
        ),
        color: COLOR.warn,
      };
    case 'deadline':
      return {
        title: L(locale, '컨테이너 자체 시간 제한', "killed by the container's own deadline"),
        meaning: L(
          locale,
          `봇이 끝내지 못해 컨테이너 안의 \`timeout -s KILL\`이 ${r.inContainerDeadlineMs / 1000}초에 프로그램을 끝냈어요 (종료 코드 ${code}).`,
          `The bot did not stop it, so the container's own \`timeout -s KILL\` ended the program at ${r.inContainerDeadlineMs / 1000} s (exit code ${code}).`,
        ),
        color: COLOR.warn,
      };
    case 'oom':
      return {
        title: L(locale, 'OOM으로 종료', 'OOM-killed'),
        meaning: L(
          locale,
          `메모리 제한(${r.limits.memoryMb} MiB)에 닿아 커널 OOM killer가 주 프로세스를 죽였어요 (${oomEvidence(r)}, 종료 코드 ${code}).`,
          `The memory limit (${r.limits.memoryMb} MiB) was reached and the kernel OOM killer killed the main process (${oomEvidence(r)}, exit code ${code}).`,
        ),
        color: COLOR.bad,
      };
    case 'output-capped':
      return {
        title: L(locale, '출력 한도로 종료', 'killed by the output cap'),
        meaning: L(
          locale,
          `출력이 ${bytes(r.limits.outputMaxBytes)} 한도를 넘어 봇이 읽기를 멈추고 컨테이너를 끝냈어요.`,
          `The output passed the ${bytes(r.limits.outputMaxBytes)} cap: the bot stopped reading and killed the container.`,
        ),
        color: COLOR.warn,
      };
    default:
      return null;
  }
}

function exitedOutcome(r: RunResult, locale: Locale, code: number): OutcomeLine {
  const childOom = r.outcome === 'oom-child';
  if (code === 0 && !childOom)
    return {
      title: L(locale, '완료', 'done'),
      meaning: L(locale, '정상 종료했어요 (종료 코드 0).', 'Exited normally (exit code 0).'),
      color: COLOR.ok,
    };
  const sig = signalName(code);
  const sigNote =
    sig === 'SIGXFSZ'
      ? L(locale, ' — 파일 크기 ulimit(fsize)을 넘었어요', ' — the file-size ulimit (fsize) was exceeded')
      : sig === 'SIGKILL'
        ? L(locale, ' — SIGKILL (OOM 기록은 없음)', ' — SIGKILL (no OOM recorded)')
        : '';
  const meaning = sig
    ? L(
        locale,
        `신호 ${sig}로 끝났어요 (${code} = 128+${code - 128})${sigNote}.`,
        `Ended by ${sig} (${code} = 128+${code - 128})${sigNote}.`,
      )
    : L(locale, `프로그램이 스스로 종료 코드 ${code}로 끝났어요.`, `The program exited by itself with code ${code}.`);
  const title = childOom
    ? L(locale, `종료 코드 ${code}, 자식 OOM`, `exit code ${code}, a child OOM-killed`)
    : L(locale, `종료 코드 ${code}`, `exit code ${code}`);
  return { title, meaning, color: childOom ? COLOR.bad : COLOR.warn };
}

export function outcomeText(r: RunResult, locale: Locale): OutcomeLine {
  const code = r.exitCode ?? -1;
  const o = killedOutcome(r, locale, code) ?? exitedOutcome(r, locale, code);
  return { ...o, meaning: o.meaning + childOomNote(r, locale) };
}

function what(report: { preset: PresetName | null; command: string | null }): string {
  return report.preset ?? 'command';
}

export function progressEmbed(
  locale: Locale,
  state: { label: string; limits: SandboxLimits; elapsedMs: number; sample?: Sample; queuePosition?: number; b?: Sample },
): BotEmbed {
  if (state.queuePosition !== undefined) {
    return {
      title: truncate(`/sandbox ${state.label}`, EMBED.title),
      description: L(
        locale,
        `대기열 ${state.queuePosition}번째예요. 앞의 작업이 끝나면 시작해요.`,
        `Waiting in the queue: position ${state.queuePosition}. It starts when a slot frees up.`,
      ),
      color: COLOR.running,
    };
  }
  const s = state.sample;
  const lines: string[] = [];
  const fmt = (x: Sample | undefined, name?: string) =>
    x
      ? `${name ? `**${name}** ` : ''}CPU ${pct(x.cpuPercent)} · ${L(locale, '메모리', 'memory')} ${bytes(x.memBytes)} / ${bytes(state.limits.memoryMb * 1048576)} · PIDs ${x.pids} / ${state.limits.pidsLimit}`
      : `${name ? `**${name}** ` : ''}${L(locale, '첫 측정값을 기다리는 중…', 'waiting for the first reading…')}`;
  if (state.b !== undefined || state.label.startsWith('compare')) {
    lines.push(fmt(s, 'A'), fmt(state.b, 'B'));
  } else lines.push(fmt(s));
  lines.push(
    L(
      locale,
      `경과 ${Math.floor(state.elapsedMs / 1000)}초 / 제한 ${state.limits.timeoutSeconds}초`,
      `${Math.floor(state.elapsedMs / 1000)} s elapsed of ${state.limits.timeoutSeconds} s`,
    ),
  );
  return {
    title: truncate(`/sandbox ${state.label} — ${L(locale, '실행 중', 'running')}`, EMBED.title),
    description: lines.join('\n'),
    color: COLOR.running,
  };
}

/** The memory top, with its basis when it is not docker stats' way. */
function memoryPeakText(r: RunResult, locale: Locale): string {
  const limit = bytes(r.limits.memoryMb * 1048576);
  switch (r.memoryTop.basis) {
    case 'oom-at-limit':
      return L(
        locale,
        `${limit} (측정 안 됨: OOM killer는 제한에서 동작) / ${limit}`,
        `${limit} (not measured: the OOM killer acts at the limit) / ${limit}`,
      );
    case 'kernel-high-water':
      return L(
        locale,
        `${bytes(r.memoryTop.bytes)} (커널 최고 기록) / ${limit}`,
        `${bytes(r.memoryTop.bytes)} (kernel high-water mark) / ${limit}`,
      );
    default:
      return `${r.summary.samples ? bytes(r.memoryTop.bytes) : '—'} / ${limit}`;
  }
}

/** Where the kernel's mark came from: read by the container as it ended, or the stats stream's last. */
function highWaterSource(hw: HighWater, locale: Locale): string {
  return hw.read === 'at-exit'
    ? L(locale, `${hw.source}, 컨테이너가 끝날 때 읽음`, `${hw.source}, read by the container as it ended`)
    : L(locale, `${hw.source}, 통계 스트림`, `${hw.source}, from the stats stream`);
}

/** The kernel's own memory high-water mark, labelled as such (page cache included), unless it is the peak above. */
function highWaterField(r: RunResult, locale: Locale): BotEmbed['fields'] & object {
  const hw = r.kernelHighWater;
  if (!hw || r.memoryTop.basis === 'kernel-high-water') return [];
  return [
    {
      name: L(locale, '커널 최고 기록 (캐시 포함)', 'Kernel high-water (incl. cache)'),
      value: `${bytes(hw.bytes)} — ${highWaterSource(hw, locale)}`,
      inline: true,
    },
  ];
}

/** How the memory peak was measured, in the report's text. */
function memoryNote(r: RunResult, locale: Locale): string | null {
  const seen = bytes(r.summary.memPeak);
  const hw = r.kernelHighWater;
  if (r.memoryTop.basis === 'kernel-high-water' && hw)
    return L(
      locale,
      `_메모리 최고값은 커널이 기록한 최고 사용량이에요 (${highWaterSource(hw, locale)}; 페이지 캐시 포함). 약 1초마다 잰 \`docker stats\` 방식 값(사용량 − 비활성 파일 캐시)은 최고 ${seen}였어요._`,
      `_Memory peak is the kernel's own high-water mark (${highWaterSource(hw, locale)}; page cache included). The readings about a second apart, counted as \`docker stats\` does (usage minus inactive file cache), saw at most ${seen}._`,
    );
  if (r.memoryTop.basis === 'oom-at-limit')
    return L(
      locale,
      `_이번 실행의 메모리 최고값은 측정되지 않았어요: 약 1초마다 잰 값은 최고 ${seen}였고 커널 최고 기록은 없었어요. OOM killer는 제한에 닿았을 때만 동작하므로 제한을 최고값으로 보여요._`,
      `_Nothing measured this run's memory top: the readings about a second apart saw at most ${seen}, and no kernel high-water mark came back. The OOM killer acts only at the limit, so the limit is shown as the top._`,
    );
  if (!r.summary.samples) return null;
  return L(
    locale,
    '_메모리 최고값은 `docker stats`처럼 사용량에서 비활성 파일 캐시를 뺀 값이에요 (약 1초마다 측정)._',
    '_Memory peak is usage minus inactive file cache, as `docker stats` counts it (sampled about once a second)._',
  );
}

/** The final report of a run; `imageFile` names the attached chart. */
/** The report's text: what the outcome means, what ran, how memory was measured, or why there is no chart. */
function runDescription(report: RunReport, locale: Locale, meaning: string): string {
  const r = report.result;
  const s = r.summary;
  const desc: string[] = [meaning];
  if (report.preset) desc.push(`*${PRESETS[report.preset][locale]}*`);
  else if (report.command)
    desc.push(
      '```sh\n' +
        truncate(
          report.command.replace(/`{3,}/g, (m) => m.split('').join('\u200b')),
          900,
        ) +
        '\n```',
    );
  const memory = memoryNote(r, locale);
  if (memory) desc.push(memory);
  if (s.samples > 0 && s.samples < CHART_MIN_SAMPLES)
    desc.push(
      L(
        locale,
        `_그래프를 그리기엔 너무 짧은 실행이에요 (통계는 약 1초마다): ${secs(r.durationMs)}, CPU 최고 ${pct(s.cpuPeak)}, 메모리 ${bytes(s.memPeak)}, PID ${s.pidsPeak}._`,
        `_Too short for a chart (stats come about once a second): ${secs(r.durationMs)}, CPU peak ${pct(s.cpuPeak)}, memory ${bytes(s.memPeak)}, PIDs ${s.pidsPeak}._`,
      ),
    );
  if (s.samples === 0)
    desc.push(L(locale, '_컨테이너가 첫 통계 측정 전에 끝났어요._', '_The container ended before the first stats reading._'));
  return desc.join('\n');
}

/** The report's fields: exit, duration, CPU, memory, PIDs, I/O, throttling, limits and output. */
function runFields(r: RunResult, locale: Locale, outcomeTitle: string): BotEmbed['fields'] {
  const s = r.summary;
  const f = (name: string, value: string, inline = true) => ({
    name: truncate(name, EMBED.fieldName),
    value: truncate(value || '—', EMBED.fieldValue),
    inline,
  });
  return [
    f(L(locale, '종료 코드', 'Exit code'), `${r.exitCode ?? '—'} — ${outcomeTitle}`),
    f(L(locale, '실행 시간', 'Duration'), secs(r.durationMs)),
    f(L(locale, 'CPU 평균 / 최고', 'CPU avg / peak'), `${pct(s.cpuAvg)} / ${pct(s.cpuPeak)}`),
    f(L(locale, '메모리 최고 / 제한', 'Memory peak / limit'), memoryPeakText(r, locale)),
    ...highWaterField(r, locale),
    f(L(locale, 'PID 최고 / 제한', 'PIDs peak / limit'), `${s.samples ? s.pidsPeak : '—'} / ${r.limits.pidsLimit}`),
    f(L(locale, '네트워크 I/O', 'Net I/O'), `${bytes(s.netRx)} / ${bytes(s.netTx)}`),
    f(L(locale, '블록 I/O', 'Block I/O'), `${bytes(s.blkRead)} / ${bytes(s.blkWrite)}`),
    f(
      L(locale, 'CPU 스로틀링', 'CPU throttling'),
      L(
        locale,
        `${s.throttledPeriods} / ${s.periods} 주기, ${secs(s.throttledTimeNs / 1e6)}`,
        `${s.throttledPeriods} of ${s.periods} periods, ${secs(s.throttledTimeNs / 1e6)}`,
      ),
    ),
    f(L(locale, '측정 횟수', 'Samples'), `${s.samples}`),
    f(
      L(locale, '적용한 제한', 'Limits applied'),
      '`' +
        limitsLine(r.limits) +
        '` ' +
        L(
          locale,
          `(컨테이너 자체 시간 제한 ${r.inContainerDeadlineMs / 1000}초)`,
          `(the container's own deadline ${r.inContainerDeadlineMs / 1000} s)`,
        ),
      false,
    ),
    f(
      L(
        locale,
        `출력 (마지막 줄들, 총 ${bytes(r.output.bytes)}${r.output.capped ? ', 잘림' : ''})`,
        `Output (last lines, ${bytes(r.output.bytes)} total${r.output.capped ? ', cut' : ''})`,
      ),
      outputBlock(r.output.tail, EMBED.fieldValue, r.output.capped),
      false,
    ),
  ];
}

export function runEmbed(report: RunReport, locale: Locale, imageFile?: string): BotEmbed {
  const r = report.result;
  const o = outcomeText(r, locale);
  const fields = runFields(r, locale, o.title);
  return {
    title: truncate(`/sandbox run ${what(report)} — ${o.title}`, EMBED.title),
    description: truncate(runDescription(report, locale, o.meaning), EMBED.description),
    color: o.color,
    fields,
    footer: truncate(
      `run #${report.runId} · ${r.containerId.slice(0, 12)} · ${report.image} · ${L(locale, '보고까지', 'report in')} ${secs(report.totalMs)}`,
      EMBED.footer,
    ),
    imageFile,
  };
}

export function compareEmbed(report: CompareReport, locale: Locale, imageFile?: string): BotEmbed {
  const { a, b } = report;
  const exp = report.expectedA;
  const m = report.measuredA;
  const share = (x: number) => `${(x * 100).toFixed(1)} %`;
  const f = (name: string, value: string, inline = true) => ({ name, value: truncate(value, EMBED.fieldValue), inline });
  const verdict =
    m === null
      ? L(locale, '측정값이 부족해요.', 'Not enough readings to measure the split.')
      : Math.abs(m - exp) <= 0.08
        ? L(locale, '기대한 비율과 거의 같아요.', 'Close to the expected split.')
        : L(
            locale,
            '기대한 비율과 차이가 있어요 (다른 부하가 같은 CPU를 쓰고 있을 수 있어요).',
            'Off the expected split (other load may share the CPU).',
          );
  return {
    title: truncate(`/sandbox compare — --cpu-shares ${report.sharesA} vs ${report.sharesB}`, EMBED.title),
    description: L(
      locale,
      `두 컨테이너가 같은 CPU(cpuset ${report.cpuset})에서 ${report.seconds}초 동안 CPU를 두고 경쟁했어요. CPU가 모자랄 때 --cpu-shares 비율대로 나뉘어요.\n${verdict}`,
      `Two containers competed for one CPU (cpuset ${report.cpuset}) for ${report.seconds} s. Under contention the CPU is split by --cpu-shares.\n${verdict}`,
    ),
    color: m !== null && Math.abs(m - exp) <= 0.08 ? COLOR.ok : COLOR.warn,
    fields: [
      f(L(locale, '기대 비율 A : B', 'Expected split A : B'), `${share(exp)} : ${share(1 - exp)}`),
      f(L(locale, '측정 비율 A : B', 'Measured split A : B'), m === null ? '—' : `${share(m)} : ${share(1 - m)}`),
      f(
        `A (--cpu-shares ${report.sharesA})`,
        `CPU ${pct(a.summary.cpuAvg)} ${L(locale, '평균', 'avg')}, ${pct(a.summary.cpuPeak)} ${L(locale, '최고', 'peak')}`,
      ),
      f(
        `B (--cpu-shares ${report.sharesB})`,
        `CPU ${pct(b.summary.cpuAvg)} ${L(locale, '평균', 'avg')}, ${pct(b.summary.cpuPeak)} ${L(locale, '최고', 'peak')}`,
      ),
      f(
        L(locale, '적용한 제한 (각각)', 'Limits applied (each)'),
        '`' +
          limitsLine({ ...a.limits, cpuShares: report.sharesA }).replace(
            `--cpu-shares ${report.sharesA}`,
            `--cpu-shares ${report.sharesA}|${report.sharesB}`,
          ) +
          '`',
        false,
      ),
    ],
    footer: `run #${report.runId} · ${L(locale, '보고까지', 'report in')} ${secs(report.totalMs)}`,
    imageFile,
  };
}
