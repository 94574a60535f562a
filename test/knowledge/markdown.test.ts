import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkSections, CHUNK_MAX_CHARS } from '../../src/knowledge/chunk.js';
import { ingestText } from '../../src/knowledge/ingest.js';
import { parseMarkdown } from '../../src/knowledge/markdown.js';
import { splitSentences } from '../../src/knowledge/sentences.js';

/** A blog post of our own in the seed article's Jekyll style (front matter, kramdown attributes, images). */
const BLOG_POST = new URL('../fixtures/blog-post.md', import.meta.url);

describe('markdown ingest', () => {
  it('reads front matter: title, language, topic and tags', () => {
    const { doc } = parseMarkdown(
      'ko/x.md',
      '---\ntitle: "메모리 제한"\nlang: ko\ntopic: memory\ntags: [docker, "--memory"]\n---\n\n## 본문\n\n내용이다.\n',
    );
    expect(doc).toEqual({ path: 'ko/x.md', title: '메모리 제한', lang: 'ko', topic: 'memory', tags: ['docker', '--memory'] });
  });

  it('falls back to the first H1, the file name and the detected language', () => {
    const a = parseMarkdown('en/notes.md', '# Container notes\n\nContainers share the host kernel.\n');
    expect(a.doc.title).toBe('Container notes');
    expect(a.doc.lang).toBe('en');
    expect(a.doc.topic).toBe('notes');
    const b = parseMarkdown('misc/메모.md', '컨테이너는 호스트 커널을 공유한다.\n');
    expect(b.doc.title).toBe('메모');
    expect(b.doc.lang).toBe('ko');
  });

  it('drops kramdown attributes, Liquid tags and images, keeps blockquotes, lists, code and tables as text', () => {
    const src = [
      '## **굵은 제목**',
      '',
      '> 인용된 질문일까?',
      '{: .prompt-info}',
      '',
      '![hypervisor](/assets/img/x.webp)',
      '',
      '- 첫째 [링크](https://example.com) 항목',
      '- `docker ps` 둘째',
      '',
      '```',
      'docker run --memory 200m image',
      '```',
      '',
      '| 옵션 | 뜻 |',
      '|---|---|',
      '| --cpus | 쿼터 |',
      '{% include x.html %}',
    ].join('\n');
    const { sections } = parseMarkdown('a.md', src);
    expect(sections).toHaveLength(1);
    expect(sections[0].headingPath).toEqual(['굵은 제목']);
    const text = sections[0].blocks.join('\n');
    expect(text).toContain('인용된 질문일까?');
    expect(text).toContain('첫째 링크 항목');
    expect(text).toContain('docker ps 둘째');
    expect(text).toContain('docker run --memory 200m image');
    // A table row reads alone: its first cell, then each other cell under its column header.
    expect(text).toContain('--cpus — 뜻: 쿼터');
    expect(text).not.toContain('옵션 | 뜻');
    expect(text).not.toMatch(/prompt-info|\{%|webp|example\.com|\*\*/);
  });

  it('keeps Go templates in inline code, code blocks and prose, and drops Liquid output', () => {
    const src = [
      "Check `docker inspect --format '{{.State.OOMKilled}}' c` first.",
      '',
      '```',
      "docker stats --format '{{.Name}} {{.MemUsage}}'",
      '```',
      '',
      'Prose {{ .State.ExitCode }} stays; {{ site.url }} goes.',
    ].join('\n');
    const { sections } = parseMarkdown('a.md', src);
    const text = sections[0].blocks.join('\n');
    expect(text).toContain("docker inspect --format '{{.State.OOMKilled}}' c");
    expect(text).toContain("docker stats --format '{{.Name}} {{.MemUsage}}'");
    expect(text).toContain('Prose {{ .State.ExitCode }} stays;');
    expect(text).not.toContain('site.url');
    expect(sections[0].code).toEqual(["docker stats --format '{{.Name}} {{.MemUsage}}'"]);
  });

  it('reads a section key point in either language and keeps it as the first block', () => {
    const en = parseMarkdown('a.md', '## Swap\n\n**Key point:** Swap is memory plus swap.\n\nBody.\n').sections[0];
    const ko = parseMarkdown('b.md', '## 스왑\n\n**핵심:** 스왑은 합계다.\n\n본문.\n').sections[0];
    expect(en.keyPoint).toBe('Swap is memory plus swap.');
    expect(en.blocks[0]).toBe('Swap is memory plus swap.');
    expect(ko.keyPoint).toBe('스왑은 합계다.');
    expect(parseMarkdown('c.md', '## X\n\nBody. Key point: not first.\n').sections[0].keyPoint).toBeUndefined();
  });

  it('lists the inline code spans of the prose, and each passage keeps those in its own text', () => {
    const doc = parseMarkdown(
      'a.md',
      '## Stats\n\nRun `docker stats resumarble` or `docker stats --no-stream`.\n\n```\ndocker stats\n```\n',
    );
    expect(doc.sections[0].inlineCode).toEqual(['docker stats resumarble', 'docker stats --no-stream']);
    const [chunk] = chunkSections(doc.doc, doc.sections);
    expect(chunk.inlineCode).toEqual(['docker stats resumarble', 'docker stats --no-stream']);
    expect(chunk.text).toContain('Run docker stats resumarble or');
  });

  it('reads a check list as claims marked true or false, never as prose', () => {
    const src =
      '## Kernel\n\n**Key point:** Containers share the host kernel.\n\n**Check:**\n- Yes: Containers on one host share its kernel.\n- No: Each container boots its own `kernel`.\n\nBody.\n\n' +
      '## 커널\n\n**핵심:** 공유한다.\n\n**확인:**\n\n- 네: 컨테이너는 커널을 공유한다.\n- 아니요: 컨테이너마다 커널이 있다.\n\n보통 문단.\n';
    const [en, ko] = parseMarkdown('a.md', src).sections;
    expect(en.claims).toEqual([
      { truth: true, text: 'Containers on one host share its kernel.' },
      { truth: false, text: 'Each container boots its own kernel.' },
    ]);
    expect(en.blocks).toEqual(['Containers share the host kernel.', 'Body.']);
    expect(ko.claims.map((c) => c.truth)).toEqual([true, false]);
    expect(ko.blocks).toEqual(['공유한다.', '보통 문단.']);
  });

  it('reads an asked-as list as the ways students ask, never as prose, in either language', () => {
    const src =
      '## Swap\n\n**Key point:** Swap is disk used as memory.\n\n**Asked as:**\n- why is my box `swapping` so hard\n- page file on linux??\n\nBody.\n\n' +
      '## 스왑\n\n**핵심:** 디스크를 메모리처럼 쓴다.\n\n**이렇게 물어요:**\n\n- 스왑 그거 뭐임\n\n보통 문단.\n';
    const [en, ko] = parseMarkdown('a.md', src).sections;
    expect(en.askedAs).toEqual(['why is my box swapping so hard', 'page file on linux??']);
    expect(en.blocks).toEqual(['Swap is disk used as memory.', 'Body.']);
    expect(ko.askedAs).toEqual(['스왑 그거 뭐임']);
    expect(ko.blocks).toEqual(['디스크를 메모리처럼 쓴다.', '보통 문단.']);
    const chunks = chunkSections(parseMarkdown('a.md', src).doc, [en, ko]);
    expect(chunks.map((c) => c.askedAs)).toEqual([en.askedAs, ko.askedAs]);
    expect(chunks.map((c) => c.text).join(' ')).not.toMatch(/page file|뭐임/);
  });

  it('reads the reason after "→" apart from the claim, and shows only the reason\'s code as code', () => {
    const src =
      '## Tags\n\n**Check:**\n- No: The `latest` tag is always the newest. → `latest` is only the default tag, e.g. `docker pull nginx`.\n- Yes: A digest names one image.\n\nBody.\n';
    const [section] = parseMarkdown('a.md', src).sections;
    expect(section.claims).toEqual([
      { truth: false, text: 'The latest tag is always the newest.', reason: 'latest is only the default tag, e.g. docker pull nginx.' },
      { truth: true, text: 'A digest names one image.' },
    ]);
    expect(section.inlineCode).toEqual(['latest', 'docker pull nginx']);
    expect(section.blocks).toEqual(['Body.']);
  });

  it('reads a table row as "row — column: value / column: value", without the columns\' aliases', () => {
    const md =
      '## VM vs container\n\n| aspect | Virtual machine (VM) | Container |\n|---|---|---|\n| Boot time | minutes | about a second |\n';
    expect(parseMarkdown('t.md', md).sections[0].blocks).toEqual(['Boot time — Virtual machine: minutes / Container: about a second']);
  });

  it('keeps a single tilde as a range, not strikethrough', () => {
    const text = parseMarkdown('a.md', '수십 초~수 분이 걸리고 수 MB~수백 MB다.\n').sections[0].blocks[0];
    expect(text).toBe('수십 초~수 분이 걸리고 수 MB~수백 MB다.');
  });

  it('keeps the heading path of nested sections', () => {
    const { sections } = parseMarkdown('a.md', '## A\n\none\n\n### B\n\ntwo\n\n## C\n\nthree\n');
    expect(sections.map((s) => s.headingPath)).toEqual([['A'], ['A', 'B'], ['C']]);
  });

  it('reports unparsable front matter and still ingests the body', () => {
    const { doc, sections, warnings } = parseMarkdown('bad.md', '---\ntitle: [unclosed\n---\n\n## 제목\n\n본문 문장이다.\n');
    expect(warnings.join()).toMatch(/front matter/);
    expect(sections[0].blocks).toEqual(['본문 문장이다.']);
    expect(doc.title).toBe('bad');
  });
});

describe('sentences and chunks', () => {
  it('splits Korean and English sentences, keeping e.g. and decimals whole', () => {
    expect(splitSentences('도커는 데몬이다. 클라이언트는 CLI다! 정말일까? Use e.g. --cpus 1.5 here. Done.')).toEqual([
      '도커는 데몬이다.',
      '클라이언트는 CLI다!',
      '정말일까?',
      'Use e.g. --cpus 1.5 here.',
      'Done.',
    ]);
  });

  it('ends an English sentence before one that opens with a short option or a lowercase command, not after e.g.', () => {
    expect(
      splitSentences(
        'EXPOSE only documents a port. -p 8080:80 opens it on every interface. docker port web lists them, e.g. docker port web 80.',
      ),
    ).toEqual([
      'EXPOSE only documents a port.',
      '-p 8080:80 opens it on every interface.',
      'docker port web lists them, e.g. docker port web 80.',
    ]);
  });

  it('reads a lone dot after a space (COPY . .) as a path, not a full stop', () => {
    expect(splitSentences('흔한 경우다. COPY . .가 RUN npm install보다 위에 있으면 COPY . . 레이어가 바뀐다. 다음.')).toEqual([
      '흔한 경우다.',
      'COPY . .가 RUN npm install보다 위에 있으면 COPY . . 레이어가 바뀐다.',
      '다음.',
    ]);
    expect(splitSentences('Copy the manifest first: COPY package*.json ./, RUN npm install, then ../bin/run. Next.')).toEqual([
      'Copy the manifest first: COPY package*.json ./, RUN npm install, then ../bin/run.',
      'Next.',
    ]);
  });

  it('keeps template field names whole and ends a Korean sentence before an option', () => {
    expect(
      splitSentences(
        '--format은 원하는 열만 고르며, .Name, .CPUPerc 자리표시자를 쓴다. --no-trunc는 ID를 자르지 않는다(정지된 것은 0). --all은 모두 보인다.',
      ),
    ).toEqual([
      '--format은 원하는 열만 고르며, .Name, .CPUPerc 자리표시자를 쓴다.',
      '--no-trunc는 ID를 자르지 않는다(정지된 것은 0).',
      '--all은 모두 보인다.',
    ]);
    expect(splitSentences('It equals 0.5 CPU. --cpus alone is enough. Use e.g. --cpus 1.5 here.')).toEqual([
      'It equals 0.5 CPU.',
      '--cpus alone is enough.',
      'Use e.g. --cpus 1.5 here.',
    ]);
  });

  it('packs paragraphs into passages no longer than the limit, cutting long ones at sentence ends', () => {
    const sentence = '컨테이너는 호스트의 커널을 공유하므로 게스트 OS가 필요 없다. ';
    const long = sentence.repeat(40).trim();
    const { doc, sections } = parseMarkdown('a.md', `## 긴 절\n\n${long}\n\n짧은 문단.\n`);
    const chunks = chunkSections(doc, sections);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS * 1.3);
      expect(c.heading).toBe('긴 절');
      expect(c.text.trim().endsWith('.')).toBe(true);
    }
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => `a.md#${i}`));
  });

  it('ingests a Jekyll blog post as it is (front matter, kramdown attributes, images, bold headings, tables)', () => {
    const { doc, chunks, warnings } = ingestText('blog-post.md', readFileSync(BLOG_POST, 'utf8'));
    expect(warnings).toEqual([]);
    expect(doc.title).toBe('컨테이너 자원 제한 실습');
    expect(doc.lang).toBe('ko');
    expect(doc.tags).toContain('Docker');
    const headings = new Set(chunks.map((c) => c.heading));
    expect(headings).toContain('VM 없이 격리하는 방법');
    expect(headings).toContain('메모리 제한 걸어 보기 > 옵션은 이미지 앞에');
    const all = chunks.map((c) => c.text).join('\n');
    expect(all).toContain('/var/run/docker.sock');
    expect(all).toContain('docker run -d --memory 256m --name web nginx');
    expect(all).toMatch(/한도 초과 — 결과: OOM killer가 SIGKILL/);
    expect(all).not.toMatch(/prompt-info|\.webp/);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS * 1.3);
  });
});
