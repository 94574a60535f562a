// -p HOST:CONTAINER with the student's own ports: which side is which, and what the reverse would do.
import type { Lang } from '../../knowledge/types.js';
import type { Figure } from './figure.js';

const PUBLISH = /(?<![\w-])(?:-p|--publish)[= ]?\s*(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d{1,5}):(\d{1,5})(?:\/(?:tcp|udp))?(?![\d:])/i;
/** The question is about the ports, not a docker run line that happens to publish one. */
const ASKS_PORTS = /포트|\bports?\b|어느\s?쪽|앞이|뒤가|거꾸로|반대로|which side|reverse|swap/i;

export function portFigure(question: string, lang: Lang): Figure[] {
  const m = PUBLISH.exec(question);
  if (!m || !ASKS_PORTS.test(question.replace(m[0], ' '))) return [];
  const [, address, host, container] = m;
  const reach = address ? `${address}:${host}` : `localhost:${host}`;
  const written = m[0].replace(/^\S+\s*/, '');
  const reverse = host !== container;
  const text =
    lang === 'ko'
      ? `-p ${written}에서는 앞이 호스트, 뒤가 컨테이너다: 호스트의 ${host}번 포트(${reach})로 들어온 연결이 컨테이너 안에서 ${container}번 포트로 듣는 서버에 간다.${reverse ? ` 거꾸로 -p ${container}:${host}로 쓰면 호스트 ${container}번이 컨테이너 ${host}번으로 이어져, 컨테이너 안에서 ${host}번을 듣는 것이 없으면 연결되지 않는다.` : ''}`
      : `In -p ${written} the host port comes first: connections to port ${host} on the host (${reach}) reach the server listening on port ${container} inside the container.${reverse ? ` Written the other way round, -p ${container}:${host} maps host port ${container} to container port ${host}, which fails unless something inside listens on ${host}.` : ''}`;
  return [{ option: '-p', text, numbers: [`${host}`, `${container}`] }];
}

/** A docker ps PORTS entry as pasted: "0.0.0.0:8080->80/tcp" (host address and port, then the container's port). */
const PORTS_ENTRY = /(?<![\w.:])((?:\d{1,3}(?:\.\d{1,3}){3}|\[?::\]?)):(\d{1,5})->(\d{1,5})\/(tcp|udp)\b/i;

export function portsEntryReading(question: string, lang: Lang): Figure[] {
  const m = PORTS_ENTRY.exec(question);
  if (!m) return [];
  const [entry, address, host, container, protocol] = m;
  const everywhere = address === '0.0.0.0' || address.includes('::');
  const text =
    lang === 'ko'
      ? `${entry}에서 화살표 왼쪽 ${address}:${host}이 호스트 쪽이다: 호스트의 ${host}번 포트(${everywhere ? '호스트의 모든 주소' : address})로 들어온 연결이 컨테이너 안의 ${container}/${protocol} 포트로 전달된다. docker run -p ${host}:${container}로 띄운 컨테이너가 이렇게 보인다.`
      : `In ${entry} the left side of the arrow, ${address}:${host}, is the host: connections to port ${host} on ${everywhere ? "any of the host's addresses" : address} are forwarded to port ${container}/${protocol} inside the container, as docker run -p ${host}:${container} publishes it.`;
  return [{ option: '-p', text, reads: true, numbers: [entry] }];
}
