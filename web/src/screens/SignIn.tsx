import { useState, type FormEvent } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { Field } from "../components/ui";
import { mintDevToken, tokenProblem } from "../lib/auth";
import { useSession } from "../session";

export function SignInScreen() {
  return (
    <main id="main" className="signin-page">
      <section className="signin-card">
        <h1>Preset Playground</h1>
        <p>Generate images with Seedream 4.0, keep the best in a gallery, and save looks as style presets.</p>
        <SignInForm defaultSubject="" />
      </section>
    </main>
  );
}

/** Development sign-in (the server mints a token) or a pasted token; used at start and when a session ends. */
export function SignInForm({ defaultSubject, autoFocus = false }: { defaultSubject: string; autoFocus?: boolean }) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [subject, setSubject] = useState(defaultSubject || "alice");
  const [name, setName] = useState("");
  const [pasted, setPasted] = useState("");
  const [devError, setDevError] = useState<string | undefined>();
  const [pasteError, setPasteError] = useState<string | undefined>();
  const [devUnavailable, setDevUnavailable] = useState(false);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  const done = (token: string) => {
    signIn(token);
    if (location.pathname === "/signin") navigate(from ?? "/projects", { replace: true });
  };

  const mint = async (event: FormEvent) => {
    event.preventDefault();
    if (!subject.trim()) {
      setDevError("Choose a user name.");
      return;
    }
    setBusy(true);
    setDevError(undefined);
    try {
      const minted = await mintDevToken(subject.trim(), name.trim());
      if (minted) done(minted.token);
      else setDevUnavailable(true);
    } catch (error) {
      setDevError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const paste = (event: FormEvent) => {
    event.preventDefault();
    const problem = tokenProblem(pasted);
    setPasteError(problem ?? undefined);
    if (!problem) done(pasted.trim());
  };

  return (
    <div className="signin-forms">
      <form onSubmit={mint} aria-labelledby="dev-signin-title" noValidate>
        <h2 id="dev-signin-title">Development sign-in</h2>
        {devUnavailable ? (
          <p className="hint" role="status">
            This server does not mint tokens (it is not in development mode). Paste a token below.
          </p>
        ) : (
          <>
            <p className="hint">The development server signs a one-hour token for any user name you choose.</p>
            <Field label="User name" error={devError}>
              {(props) => (
                <input {...props} name="subject" autoComplete="username" autoFocus={autoFocus} value={subject} onChange={(e) => setSubject(e.target.value)} />
              )}
            </Field>
            <Field label="Display name (optional)" hint="What others see on your public images and presets.">
              {(props) => <input {...props} name="displayName" value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </button>
          </>
        )}
      </form>
      <form onSubmit={paste} aria-labelledby="paste-title" noValidate>
        <h2 id="paste-title">Or paste a token</h2>
        <Field label="Bearer token" error={pasteError} hint={<>For example from <code>playground token --sub alice</code>.</>}>
          {(props) => (
            <textarea {...props} name="token" rows={3} spellCheck={false} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          )}
        </Field>
        <button type="submit">Use this token</button>
      </form>
    </div>
  );
}
