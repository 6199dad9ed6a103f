/**
 * Runs the linear column layout (lib/topology/column-layout.ts) off the main
 * thread for large graphs. It has no dependency, so it starts in a few
 * milliseconds: the first layout of a large cluster never waits for ELK.
 */
import { columnLayout } from '@/lib/topology/column-layout';
import { serveLayouts } from './worker-host';

serveLayouts('columns', (input) => columnLayout(input));
