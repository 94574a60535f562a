// The sandbox's refusals and failures as bilingual text: a limit out of range, a busy slot, no engine.
import type { LimitViolation, SandboxConfig } from '../sandbox/policy.js';
import type { SandboxError } from '../sandbox/service.js';
import { truncate } from './limits.js';
import { inLocale as L } from './i18n.js';
import type { Locale } from './types.js';

function violationText(v: LimitViolation, locale: Locale): string {
  const unit = v.unit ? ` ${v.unit}` : '';
  const range = v.min !== undefined && v.max !== undefined ? `${v.min}–${v.max}${unit}` : '';
  switch (v.reason) {
    case 'unknown-preset':
      return L(locale, `알 수 없는 프리셋 \`${v.value}\``, `unknown preset \`${v.value}\``);
    case 'too-long':
      return L(
        locale,
        `명령이 너무 길어요 (${v.value}자, 최대 ${v.max}자)`,
        `the command is too long (${v.value} characters, at most ${v.max})`,
      );
    case 'empty':
      return L(locale, '명령이 비어 있어요', 'the command is empty');
    case 'below-memory':
      return L(
        locale,
        `\`memory_swap\` = ${v.value}: memory(${v.min} MiB) 이상이어야 해요`,
        `\`memory_swap\` = ${v.value}: must be at least memory (${v.min} MiB)`,
      );
    case 'not-integer':
      return L(
        locale,
        `\`${v.option}\` = ${v.value}: 정수여야 해요 (${range})`,
        `\`${v.option}\` = ${v.value}: must be a whole number (${range})`,
      );
    default:
      return L(
        locale,
        `\`${v.option}\` = ${v.value}${unit}: ${range} 범위여야 해요`,
        `\`${v.option}\` = ${v.value}${unit}: must be within ${range}`,
      );
  }
}

/** A clear message for every refusal or failure. */
export function errorText(err: SandboxError, locale: Locale, cfg?: SandboxConfig): string {
  switch (err.code) {
    case 'disabled':
      return L(
        locale,
        '샌드박스가 꺼져 있어요. 관리자가 `SANDBOX_ENABLED=true`로 켜고 `npm run sandbox:image`로 이미지를 만들면 쓸 수 있어요.',
        'The sandbox is off. An admin can enable it with `SANDBOX_ENABLED=true` (and build the image with `npm run sandbox:image`).',
      );
    case 'channel':
      return L(locale, '이 채널에서는 /sandbox를 쓸 수 없어요.', '/sandbox is not allowed in this channel.');
    case 'role':
      return L(locale, '/sandbox를 쓸 수 있는 역할이 없어요.', 'You do not have a role allowed to use /sandbox.');
    case 'untrusted-command':
      return L(
        locale,
        '직접 입력한 명령은 관리자가 신뢰한 역할만 실행할 수 있어요. 프리셋을 골라 주세요.',
        'Custom commands are only for roles an admin trusted. Please pick a preset.',
      );
    case 'invalid':
      return (
        L(
          locale,
          '옵션이 허용 범위를 벗어났어요. 컨테이너는 만들지 않았어요:\n',
          'Some options are out of range, so no container was created:\n',
        ) + (err.violations ?? []).map((v) => `• ${violationText(v, locale)}`).join('\n')
      );
    case 'image-not-allowed':
      return L(locale, `이미지 \`${err.detail}\`은(는) 허용 목록에 없어요.`, `Image \`${err.detail}\` is not on the allowlist.`);
    case 'busy-user':
      return L(
        locale,
        '이미 실행 중이거나 대기 중인 샌드박스 작업이 있어요. 끝난 뒤에 다시 해 주세요.',
        'You already have a sandbox job running or queued. Try again when it ends.',
      );
    case 'queue-full':
      return L(
        locale,
        `샌드박스가 붐벼요 (동시 ${cfg?.maxConcurrent ?? '?'}개, 대기열 가득). 잠시 뒤에 다시 해 주세요.`,
        `The sandbox is busy (${cfg?.maxConcurrent ?? '?'} running, queue full). Please try again shortly.`,
      );
    case 'docker-unavailable':
      return L(
        locale,
        `Docker에 연결할 수 없어요 (${truncate(err.detail ?? '', 200)}). 관리자가 dockerd가 실행 중인지, DOCKER_HOST가 맞는지 확인해야 해요. 봇의 다른 기능은 그대로 쓸 수 있어요.`,
        `Docker is not reachable (${truncate(err.detail ?? '', 200)}). An admin should check that dockerd is running and DOCKER_HOST is right. The rest of the bot keeps working.`,
      );
    case 'docker-timeout':
      return L(
        locale,
        `Docker 엔진이 제시간에 답하지 않아 작업을 멈췄어요 (${truncate(err.detail ?? '', 200)}). 컨테이너는 스스로 시간 제한에 끝나고 정리돼요. 관리자가 dockerd 상태를 확인해야 해요.`,
        `The Docker engine did not answer in time, so the job was stopped (${truncate(err.detail ?? '', 200)}). The container ends at its own deadline and is cleaned up. An admin should check dockerd.`,
      );
    case 'runtime-missing':
      return L(
        locale,
        `설정된 컨테이너 런타임 ${err.detail}을(를) Docker 엔진에서 찾을 수 없어요. 관리자가 런타임을 등록하거나 SANDBOX_RUNTIME을 비워야 해요.`,
        `The configured container runtime ${err.detail} is not registered with the Docker engine. An admin should register it or clear SANDBOX_RUNTIME.`,
      );
    case 'image-missing':
      return L(
        locale,
        `샌드박스 이미지 \`${err.detail}\`가 없어요. 관리자가 \`npm run sandbox:image\`로 만들어야 해요.`,
        `The sandbox image \`${err.detail}\` is missing. An admin should build it with \`npm run sandbox:image\`.`,
      );
    default:
      return L(
        locale,
        `샌드박스 실행에 실패했어요: ${truncate(err.detail ?? '', 300)}`,
        `The sandbox run failed: ${truncate(err.detail ?? '', 300)}`,
      );
  }
}
