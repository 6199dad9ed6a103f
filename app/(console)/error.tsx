'use client';

/** A page that failed to render keeps the shell and offers a retry instead of a blank screen. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="error-state">
      <h1>This page could not be shown</h1>
      <p>{error.message || 'An unexpected error occurred while reading the cluster.'}</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
