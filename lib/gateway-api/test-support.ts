/** Re-exports of {@link ./snapshot-input} under the name tests elsewhere already import. */
export { addObject, snapshotFromYaml, toSecretSummary } from './snapshot-input';
