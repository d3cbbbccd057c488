/** The label / description / validation frame every HubSpot input shares. */
import type { ReactNode } from 'react';
import { cx } from './util';

export interface FieldFrameProps {
  name: string;
  id: string;
  label?: string | undefined;
  required?: boolean | undefined;
  description?: string | undefined;
  tooltip?: string | undefined;
  error?: boolean | undefined;
  validationMessage?: string | undefined;
  testId?: string | undefined;
  children: ReactNode;
}

export function FieldFrame(p: FieldFrameProps) {
  const showError = Boolean(p.validationMessage) && p.error !== false;
  return (
    <div
      data-hs={p.name}
      {...(p.testId ? { 'data-testid': p.testId } : {})}
      className={cx('hs-field', (p.error || showError) && 'has-error')}
    >
      {p.label && (
        <label htmlFor={p.id} className="hs-label">
          {p.label}
          {p.required && <span className="req"> *</span>}
          {p.tooltip && (
            <span className="hs-help" title={p.tooltip}>
              ?
            </span>
          )}
        </label>
      )}
      {p.description && <div className="hs-description">{p.description}</div>}
      {p.children}
      {p.validationMessage && (
        <div className={cx('hs-validation', showError && 'error')} role={showError ? 'alert' : undefined}>
          {p.validationMessage}
        </div>
      )}
    </div>
  );
}

let fieldCounter = 0;
export function nextFieldId(name: string | undefined): string {
  fieldCounter += 1;
  return `hs-f-${(name ?? 'field').replace(/[^A-Za-z0-9_-]/g, '_')}-${fieldCounter}`;
}
