// Small building blocks every screen uses: labelled fields with their errors, and the loading, empty and error
// states.
import { useId, type ReactNode } from "react";
import type { CombinedError } from "@urql/core";
import { describeError } from "../lib/errors";
import { statusLabel } from "../lib/format";

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => ReactNode;
}

/** A label, the control, a hint and the field's error, wired for screen readers (aria-describedby/invalid). */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": !!error, "aria-describedby": describedBy })}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function ErrorBox({ error, retry }: { error: CombinedError | Error | string | null | undefined; retry?: () => void }) {
  if (!error) return null;
  const message = typeof error === "string" ? error : describeError(error);
  return (
    <div className="state state-error" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="state state-error" role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{statusLabel(status)}</span>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}

/** A select over a fixed set of values with a blank choice first ("Any", "None"), each value shown through `describe`. */
export function ChoiceField<T extends string>({
  label,
  blank,
  choices,
  describe,
  value,
  onChange,
  error,
}: {
  label: string;
  blank: string;
  choices: readonly T[];
  describe: (value: T) => string;
  value: T | "";
  onChange: (value: T | "") => void;
  error?: string | undefined;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as T | "")}>
          <option value="">{blank}</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {describe(choice)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
