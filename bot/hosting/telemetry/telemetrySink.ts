/**
 * The part of the Application Insights SDK's TelemetryClient the assistant uses; the
 * official client satisfies it, and so can a test double.
 */
export type SinkSeverity = 'Verbose' | 'Information' | 'Warning' | 'Error' | 'Critical';

export interface TelemetrySink {
  trackEvent(t: { name: string; properties?: Record<string, string>; measurements?: Record<string, number> }): void;
  trackTrace(t: { message: string; severity?: SinkSeverity; properties?: Record<string, string> }): void;
  trackException(t: { exception: Error; severity?: SinkSeverity; properties?: Record<string, string>; measurements?: Record<string, number> }): void;
  trackDependency(t: {
    name: string;
    data: string;
    target: string;
    dependencyTypeName: string;
    duration: number;
    resultCode: string | number;
    success: boolean;
  }): void;
  trackRequest(t: { name: string; url: string; duration: number; resultCode: string; success: boolean; properties?: Record<string, string> }): void;
  flush(): Promise<void>;
  shutdown?(): Promise<void>;
}
