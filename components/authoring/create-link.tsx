import Link from 'next/link';

/** The "Create" entry point of a list page, to the form of its kind. */
export function CreateLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <Link className="button" href={href}>
        {label}
      </Link>{' '}
      <Link className="button-quiet" href="/yaml">
        Apply YAML
      </Link>
    </p>
  );
}
