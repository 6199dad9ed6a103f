import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="not-found">
      <h1>Page not found</h1>
      <p>
        There is no console page at this address. <Link href="/">Go to the overview</Link>.
      </p>
    </main>
  );
}
