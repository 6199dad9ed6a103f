/**
 * Kubernetes label selector evaluation, for `allowedRoutes.namespaces.selector`.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
import type { LabelSelector } from './types';

/**
 * True when `labels` satisfy every `matchLabels` entry and every
 * `matchExpressions` requirement (AND). An empty selector matches everything.
 * Unknown operators match nothing, so a malformed selector never widens access.
 */
export function matchesLabelSelector(selector: LabelSelector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  const ml = selector.matchLabels;
  if (ml) for (const k in ml) if (l[k] !== ml[k]) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const value = l[req.key];
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Why a selector is malformed (In/NotIn need values; Exists/DoesNotExist must not have them), or undefined. */
export function labelSelectorProblem(selector: LabelSelector): string | undefined {
  for (const req of selector.matchExpressions ?? []) {
    const n = req.values?.length ?? 0;
    if ((req.operator === 'In' || req.operator === 'NotIn') && n === 0)
      return `operator ${req.operator} on "${req.key}" needs values`;
    if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && n > 0)
      return `operator ${req.operator} on "${req.key}" takes no values`;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(req.operator)) return `unknown operator "${String(req.operator)}"`;
  }
  return undefined;
}
