/**
 * Keeps a crash in one screen or section from blanking the whole app: what threw is replaced by an
 * ErrorState naming the part that failed, with a way to try again (re-mount the part). A boundary
 * resets by itself when its `resetKey` changes (another route, another section).
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorState } from "./ErrorState.tsx";

export interface ErrorBoundaryProps {
  /** What the part is called in the message: "the price grid", "this screen". */
  label: string;
  /** A change of this value clears the error (e.g. the current path or section). */
  resetKey?: string;
  /** Told of each error (for the console or a report). */
  onError?: (error: Error, info: ErrorInfo) => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string | undefined;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <ErrorState
        title={`Something went wrong in ${this.props.label}`}
        message={`${error.message || "An unexpected error"}. Your other work is safe; try again, or go back a step.`}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}
