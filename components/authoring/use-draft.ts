'use client';

import { useCallback, useState } from 'react';

/** What is kept per draft: the text and the resourceVersions it was loaded at. */
interface StoredDraft {
  text: string;
  expected: Record<string, string>;
  savedAt: string;
}

/** The local draft of an editor, restored after a reload until applied or discarded. */
export interface Draft {
  text: string;
  setText: (text: string) => void;
  expected: Record<string, string>;
  setExpected: (e: Record<string, string>) => void;
  /** Set when the text came from a stored draft rather than from the server. */
  restoredAt?: string;
  /** Drops the stored draft and returns to the initial text. */
  discard: () => void;
  /** Forgets the stored draft (after an apply) and keeps the current text. */
  settle: () => void;
}

const prefix = 'portico:draft:';

/**
 * Keeps an editor's text in localStorage under `key` (context + object), so a reload, a crash or
 * an API outage never loses what was typed. The resourceVersions the text was loaded at are kept
 * with it: a restored edit still detects that someone changed the object meanwhile.
 */
export function useDraft(key: string, initialText: string, initialExpected: Record<string, string>): Draft {
  const storageKey = prefix + key;
  // Read during the first render: the workspace renders only in the browser (see workspace-loader).
  const [stored] = useState(() => readDraft(storageKey, initialText));
  const [text, setTextState] = useState(stored?.text ?? initialText);
  const [expected, setExpectedState] = useState(stored?.expected ?? initialExpected);
  const [restoredAt, setRestoredAt] = useState<string | undefined>(stored?.savedAt);

  const persist = useCallback(
    (t: string, e: Record<string, string>) => {
      if (t === initialText) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, JSON.stringify({ text: t, expected: e, savedAt: new Date().toISOString() }));
    },
    [storageKey, initialText],
  );

  return {
    text,
    expected,
    ...(restoredAt ? { restoredAt } : {}),
    setText: (t) => {
      setTextState(t);
      persist(t, expected);
    },
    setExpected: (e) => {
      setExpectedState(e);
      persist(text, e);
    },
    discard: () => {
      window.localStorage.removeItem(storageKey);
      setTextState(initialText);
      setExpectedState(initialExpected);
      setRestoredAt(undefined);
    },
    settle: () => {
      window.localStorage.removeItem(storageKey);
      setRestoredAt(undefined);
    },
  };
}

function readDraft(storageKey: string, initialText: string): StoredDraft | undefined {
  if (typeof window === 'undefined') return undefined;
  const raw = window.localStorage.getItem(storageKey);
  if (!raw) return undefined;
  try {
    const d = JSON.parse(raw) as StoredDraft;
    if (typeof d.text === 'string' && d.text !== initialText)
      return { text: d.text, expected: d.expected ?? {}, savedAt: d.savedAt };
  } catch {
    window.localStorage.removeItem(storageKey);
  }
  return undefined;
}
