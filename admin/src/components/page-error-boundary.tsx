import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: unknown;
}

/**
 * Keeps a page that throws while rendering (an answer of a shape it did not expect, a bug) from
 * blanking the whole console: the page area shows the error, the header and navigation stay usable.
 * The layout keys it by path, so moving to another page starts clean. React catches render errors
 * only in a class component with `getDerivedStateFromError` (react.dev, "Catching rendering errors
 * with an error boundary").
 */
export class PageErrorBoundary extends Component<Props, State> {
  state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A console page failed to render', error, info.componentStack);
  }

  render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return <ProblemAlert error={this.state.error} heading="This page failed to show" />;
  }
}
