'use client';

import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { FieldProblem } from '@/lib/authoring/types';
import { monaco, setManifestSchema } from './monaco-setup';
import styles from './yaml-editor.module.css';

type CodeEditor = Parameters<OnMount>[0];

/** Props of {@link YamlEditor}. */
export interface YamlEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** Accessible name of the editing area. */
  label: string;
  /** Server-side problems, shown as markers on their lines. */
  problems: readonly FieldProblem[];
  /** The editor schema from /api/schemas, and a key that changes when it does. */
  schema?: object;
  schemaKey?: string;
  height?: string;
}

const placeholder = /<[a-z][a-z0-9-]*>/g;

/**
 * The schema-aware YAML editor (Monaco + monaco-yaml). Placeholders like `<ingress-gateway-name>`
 * are highlighted so nobody applies a template unchanged; server problems become markers.
 */
export function YamlEditor(props: YamlEditorProps) {
  const editorRef = useRef<CodeEditor | null>(null);
  const decorations = useRef<ReturnType<CodeEditor['createDecorationsCollection']> | null>(null);
  useEffect(() => setManifestSchema(props.schema, props.schemaKey ?? ''), [props.schema, props.schemaKey]);

  const highlight = () => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const found = model.findMatches(placeholder.source, false, true, true, null, false);
    decorations.current?.set(
      found.map((m) => ({
        range: m.range,
        options: { inlineClassName: styles.placeholder, hoverMessage: { value: 'Placeholder: replace it with your value.' } },
      })),
    );
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'portico-server',
      props.problems
        .filter((p) => p.line !== undefined)
        .map((p) => ({
          severity: monaco.MarkerSeverity.Error,
          message: p.message,
          startLineNumber: p.line ?? 1,
          startColumn: p.column ?? 1,
          endLineNumber: p.line ?? 1,
          endColumn: model.getLineMaxColumn(Math.min(p.line ?? 1, model.getLineCount())),
        })),
    );
  }, [props.problems]);

  useEffect(highlight, [props.value]);

  return (
    <div className={styles.frame} data-testid="yaml-editor">
      <Editor
        height={props.height ?? '60vh'}
        language="yaml"
        path="manifest.yaml"
        value={props.value}
        onChange={(v) => props.onChange(v ?? '')}
        onMount={(editor) => {
          editorRef.current = editor;
          decorations.current = editor.createDecorationsCollection();
          highlight();
        }}
        options={{
          ariaLabel: props.label,
          minimap: { enabled: false },
          tabSize: 2,
          insertSpaces: true,
          scrollBeyondLastLine: false,
          fontSize: 13,
          automaticLayout: true,
          autoIndent: 'keep',
          formatOnPaste: false,
          glyphMargin: true,
        }}
        loading={<p className="muted">Loading the editor…</p>}
      />
    </div>
  );
}
