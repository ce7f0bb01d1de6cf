import {Component, type ReactNode} from 'react';

interface RendererErrorBoundaryProps {
  /** Shown instead of the renderer when it throws (or its chunk fails to download). */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * One output whose renderer fails (a site's custom renderer throwing, the
 * HTML/Markdown chunk not downloading while offline) falls back to its
 * text/plain form instead of unmounting the page.
 */
export class RendererErrorBoundary extends Component<RendererErrorBoundaryProps, {failed: boolean}> {
  override state = {failed: false};

  static getDerivedStateFromError(): {failed: boolean} {
    return {failed: true};
  }

  override componentDidCatch(error: unknown): void {
    console.error('[pyodocs] an output renderer failed; showing the plain-text form', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
