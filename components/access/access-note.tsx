import type { ControlAccess } from '@/lib/model/permissions';
import styles from './access-note.module.css';

/**
 * The sentence beside an edit control saying why it is disabled (or that its permissions could not be
 * checked). Visible text, referenced by the control's `aria-describedby` ({@link accessDescribedBy}),
 * so the reason reaches screen readers and is not hidden in a tooltip.
 */
export function AccessNote({ id, access }: { id: string; access: ControlAccess }) {
  if (!access.text) return null;
  return (
    <span id={id} className={`${styles.note} ${access.state === 'denied' ? styles.denied : ''}`} role="note">
      {access.text}
    </span>
  );
}

/** The `aria-describedby` a control carries when its {@link AccessNote} has something to say. */
export function accessDescribedBy(access: ControlAccess, id: string): { 'aria-describedby'?: string } {
  return access.text ? { 'aria-describedby': id } : {};
}
