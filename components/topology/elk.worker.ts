/**
 * Runs ELK's layered layout off the main thread for the graphs a reviewer
 * reads node by node (up to ELK_NODE_LIMIT nodes). ELK is 1.6 MB of
 * JavaScript: it lives in its own worker so the large-graph layout
 * (columns.worker.ts) never waits for it to load.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { flatFromElk, toElkGraph } from '@/lib/topology/layout';
import { serveLayouts } from './worker-host';

// Loaded eagerly: a lazy import() of ELK inside the worker left later messages unanswered in the
// production build (ELK claims `self.onmessage` when it evaluates).
const elk = new ELK();

// Assigned after the import on purpose: elk.bundled.js claims `self.onmessage` when it loads
// inside a worker (to act as ELK's own worker); this page's protocol replaces it.
serveLayouts('elk', async (input) => flatFromElk(input, await elk.layout(toElkGraph(input))));
