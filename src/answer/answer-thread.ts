// The answer thread's entry: the extractive answerer over a copy of the main thread's passages, so a burst of
// questions is ranked and composed beside the front end's event loop instead of on it (threaded.ts starts it).
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { ExtractiveAnswerer } from './extractive.js';
import type { ThreadData, ThreadReply, ThreadRequest } from './thread-protocol.js';

const { docs, chunks, warnings, settings } = workerData as ThreadData;
const answerer = new ExtractiveAnswerer(new KnowledgeBase(docs, chunks, warnings), settings);
const port = parentPort!;

port.on('message', (req: ThreadRequest) => {
  answerer.answer(req.question, { langHint: req.langHint }).then(
    (answer) => port.postMessage({ id: req.id, answer } satisfies ThreadReply),
    (err: Error) => port.postMessage({ id: req.id, error: err.message } satisfies ThreadReply),
  );
});
port.postMessage({ ready: true } satisfies ThreadReply);
