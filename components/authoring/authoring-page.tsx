import type { ReactNode } from 'react';
import type { FormKind } from './form-tab';
import { WorkspaceLoader } from './workspace-loader';

/** The body of the create and edit pages: a heading, then the form/YAML workspace. */
export function AuthoringPage(props: {
  title: string;
  intro: ReactNode;
  context: string;
  kind: FormKind;
  draftScope: string;
  initialText: string;
  initialExpected?: Record<string, string>;
}) {
  return (
    <>
      <div className="page-head">
        <h1>{props.title}</h1>
        <p className="summary">{props.intro}</p>
      </div>
      <WorkspaceLoader
        context={props.context}
        draftScope={props.draftScope}
        initialText={props.initialText}
        formKind={props.kind}
        {...(props.initialExpected ? { initialExpected: props.initialExpected } : {})}
      />
    </>
  );
}
