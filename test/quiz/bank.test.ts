// The question bank: shape, coverage of every topic in both languages, and support by the cited section.
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { parseBankFile, QuizBank, QuizBankError, type QuizQuestion } from '../../src/quiz/bank.js';
import { checkSupport, hardTerms, sectionText, verifyQuestion } from '../../src/quiz/support.js';

let kb: KnowledgeBase;
let bank: QuizBank;
beforeAll(async () => {
  kb = await KnowledgeBase.load('knowledge');
  bank = await QuizBank.load('knowledge/quiz');
});

// Loaded synchronously for it.each (one named test per question).
const { readFileSync, readdirSync } = await import('node:fs');
const allQuestions: QuizQuestion[] = readdirSync('knowledge/quiz')
  .filter((n) => n.endsWith('.json'))
  .flatMap((n) => parseBankFile(n, readFileSync(`knowledge/quiz/${n}`, 'utf8')));

describe('quiz bank', () => {
  it('has at least 40 questions, and both languages for every knowledge-base topic', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(40);
    for (const topic of kb.topics()) {
      for (const lang of ['ko', 'en'] as const) {
        expect(bank.questions.filter((q) => q.topic === topic.id && q.lang === lang).length, `${lang} ${topic.id}`).toBeGreaterThan(0);
      }
    }
    for (const q of bank.questions)
      expect(
        kb.topics().map((t) => t.id),
        q.key,
      ).toContain(q.topic);
  });

  it('mirrors every question in Korean and English (same ids, topics and right answers)', () => {
    const ko = new Map(bank.questions.filter((q) => q.lang === 'ko').map((q) => [q.id, q]));
    const en = new Map(bank.questions.filter((q) => q.lang === 'en').map((q) => [q.id, q]));
    expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [id, q] of ko) {
      expect(en.get(id)!.topic, id).toBe(q.topic);
      expect(en.get(id)!.answer, id).toBe(q.answer);
      expect(en.get(id)!.source.doc.replace(/^en\//, ''), id).toBe(q.source.doc.replace(/^ko\//, ''));
    }
  });

  it('covers the corrections the knowledge base makes to the article', () => {
    const ids = new Set(bank.questions.map((q) => q.key));
    for (const lang of ['ko', 'en']) {
      for (const id of [
        'mem-option-order',
        'cpus-not-cores',
        'cpus-cfs',
        'cpu-shares-contention',
        'mem-swap-default',
        'mem-swap-300',
        'ct-syscall-relay',
        'vm-nic-l2',
      ]) {
        expect(ids, `${lang}/${id}`).toContain(`${lang}/${id}`);
      }
    }
    const swap = bank.questions.find((q) => q.key === 'en/mem-swap-default')!;
    expect(swap.options[swap.answer]).toMatch(/same amount as the memory/);
    const order = bank.questions.find((q) => q.key === 'ko/mem-option-order')!;
    expect(order.options[order.answer]).toMatch(/제한이 걸리지 않는다/);
  });

  it.each(allQuestions.map((q) => [q.key, q] as const))('%s: the cited section exists and supports the answer', (_key, q) => {
    const text = sectionText(kb, q.source);
    expect(text, `${q.source.doc} › ${q.source.section}`).toBeDefined();
    const result = verifyQuestion(kb, q);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('bank validation', () => {
  const good = {
    id: 'ok-one',
    topic: 'memory-limits',
    question: 'What does --memory 200m mean?',
    options: ['200 MiB', '200 MB', '200 KiB', '2 GiB'],
    answer: 'A',
    explanation: 'Docker reads 200m as 200 MiB, that is 209,715,200 bytes.',
    source: { doc: 'en/memory-limits.md', section: 'x' },
    evidence: ['binary units'],
  };
  const file = (questions: unknown[], lang = 'en') => JSON.stringify({ lang, questions });

  it('accepts a well-formed question', () => {
    const [q] = parseBankFile('en.json', file([good]));
    expect(q.key).toBe('en/ok-one');
    expect(q.answer).toBe(0);
  });

  it('names the file and the question id when a question is malformed', () => {
    const threeOptions = { ...good, id: 'three-options', options: ['a', 'b', 'c'] };
    expect(() => parseBankFile('en.json', file([good, threeOptions]))).toThrow(QuizBankError);
    expect(() => parseBankFile('en.json', file([good, threeOptions]))).toThrow(
      /en\.json: question "three-options": options: exactly four options/,
    );
    expect(() => parseBankFile('en.json', file([{ ...good, id: 'bad-answer', answer: 'E' }]))).toThrow(/question "bad-answer": answer/);
    expect(() => parseBankFile('en.json', file([{ ...good, id: 'same-options', options: ['a', 'a', 'b', 'c'] }]))).toThrow(
      /question "same-options": options: options must be different/,
    );
    expect(() => parseBankFile('en.json', file([{ ...good, id: 'no-source', source: undefined }]))).toThrow(/question "no-source": source/);
    expect(() => parseBankFile('en.json', file([{ ...good, explanation: undefined }]))).toThrow(/question "ok-one": explanation/);
    expect(() => parseBankFile('en.json', file([{ ...good, extra: 1 }]))).toThrow(/question "ok-one"/);
    expect(() => parseBankFile('en.json', file([good, { nope: true }]))).toThrow(/question "#2"/);
    expect(() => parseBankFile('en.json', file([good, good]))).toThrow(/question "ok-one": duplicate id/);
    expect(() => parseBankFile('ko.json', file([good], 'ko'))).toThrow(
      /question "ok-one": source.doc en\/memory-limits.md is not a ko document/,
    );
    expect(() => parseBankFile('en.json', '{ not json')).toThrow(/en\.json: not valid JSON/);
  });

  it('QuizBank.load fails with the question id for a bad file, and a missing folder is empty only when allowed', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/quiz-bank-`);
    writeFileSync(`${dir}/en.json`, file([{ ...good, id: 'broken', options: ['only one'] }]));
    await expect(QuizBank.load(dir)).rejects.toThrow(/question "broken"/);
    await expect(QuizBank.load(`${dir}/missing`)).rejects.toThrow(QuizBankError);
    expect((await QuizBank.load(`${dir}/missing`, { missingOk: true })).questions).toEqual([]);
  });
});

describe('support check (it must be able to fail)', () => {
  const base = () => structuredClone(allQuestions.find((q) => q.key === 'en/mem-200m')!);
  const baseKo = () => structuredClone(allQuestions.find((q) => q.key === 'ko/cpus-not-cores')!);

  it('extracts numbers, option names, identifiers, code and acronyms as hard terms', () => {
    const terms = hardTerms(
      'Use `docker stats` and --memory-swap with -m, see cpu.max and /var/run/docker.sock: 209,715,200 bytes under CFS, e.g. VMs.',
      'en',
    );
    expect(terms).toEqual(
      expect.arrayContaining(['docker stats', '--memory-swap', '-m', 'cpu.max', '/var/run/docker.sock', '209,715,200', 'cfs', 'vm']),
    );
    expect(terms).not.toContain('e.g');
    expect(hardTerms('컨테이너는 runc와 cgroups로 실행된다', 'ko')).toEqual(expect.arrayContaining(['runc', 'cgroups']));
  });

  it('fails when the section does not exist', () => {
    const q = base();
    q.source.section = 'No such heading';
    expect(verifyQuestion(kb, q).problems[0]).toMatch(/section not found/);
    q.source = { doc: 'en/nope.md', section: 'Default swap (when --memory-swap is not set)' };
    expect(verifyQuestion(kb, q).ok).toBe(false);
  });

  it('fails when the question cites a section of another topic', () => {
    const q = base();
    q.source = { doc: 'en/vm-basics.md', section: 'VM isolation: a crash or fault in one VM does not spread to others' };
    const r = verifyQuestion(kb, q);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/evidence not in section/);
    expect(r.problems.join('\n')).toMatch(/term not in section: "209,715,200"/);
    expect(r.problems.join('\n')).toMatch(/explanation words found in section/);
  });

  it('fails when a number, an option name or a command is not in the section', () => {
    const wrongNumber = base();
    wrongNumber.explanation = wrongNumber.explanation.replace('209,715,200', '200,000,000');
    expect(verifyQuestion(kb, wrongNumber).problems).toEqual(['term not in section: "200,000,000"']);

    const inventedOption = base();
    inventedOption.explanation += ' The --memory-limit flag does the same.';
    expect(verifyQuestion(kb, inventedOption).problems).toEqual(['term not in section: "--memory-limit"']);

    const wrongAnswer = base();
    wrongAnswer.answer = 0; // "200 MB = 200,000,000 bytes"
    expect(verifyQuestion(kb, wrongAnswer).problems).toEqual(['term not in section: "200,000,000"']);

    const ko = baseKo();
    ko.explanation = ko.explanation.replace('`--cpuset-cpus`', '`--cpu-pinning`');
    expect(verifyQuestion(kb, ko).ok).toBe(false);
    expect(verifyQuestion(kb, ko).problems).toContain('term not in section: "--cpu-pinning"');
  });

  it('fails when an evidence phrase is not in the section', () => {
    const q = base();
    q.evidence = ['Docker rounds 200m up to 256 MiB'];
    expect(verifyQuestion(kb, q).problems).toEqual(['evidence not in section: "Docker rounds 200m up to 256 MiB"']);
  });

  it('fails when the explanation talks about something else', () => {
    const q = baseKo();
    q.explanation = '하이퍼바이저는 게스트 운영체제를 부팅하고 가상 하드웨어를 나눠 주며 격리를 담당합니다. 타입 1과 타입 2로 나뉩니다.';
    const r = verifyQuestion(kb, q);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/explanation words found in section: \d+% < 70%/);
  });

  it('checkSupport works on bare passage text (used for generated questions)', () => {
    const passage =
      'When only --memory is given, Docker sets --memory-swap to twice the --memory value, so --memory 300m allows 300 MiB of memory plus 300 MiB of swap.';
    const ok = checkSupport(
      {
        lang: 'en',
        options: ['300 MiB', '600 MiB in total', '900 MiB', 'none'],
        answer: 1,
        explanation:
          'Docker sets --memory-swap to twice the --memory value, so --memory 300m allows 300 MiB of memory plus 300 MiB of swap.',
        evidence: ['twice the --memory value'],
      },
      passage,
    );
    expect(ok.problems).toEqual(['term not in section: "600"']);
  });
});
