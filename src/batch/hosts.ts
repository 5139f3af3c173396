// src/batch/hosts.ts
// Limits how many inputs are being read at once, in total and per URL host, so one slow site
// holds at most its own slots and never stalls the rest of a URL list.

export interface HostLimits {
  perHost: number;
  total: number;
}

export class HostLimiter {
  private readonly active = new Map<string, number>();
  private running = 0;

  constructor(private readonly limits: HostLimits) {}

  /** Whether an input of this host (null: a file or stdin, bound only by the total) may start now. */
  canStart(host: string | null): boolean {
    if (this.running >= this.limits.total) return false;
    return host === null || (this.active.get(host) ?? 0) < this.limits.perHost;
  }

  start(host: string | null): void {
    this.running++;
    if (host !== null) this.active.set(host, (this.active.get(host) ?? 0) + 1);
  }

  finish(host: string | null): void {
    this.running--;
    if (host === null) return;
    const left = (this.active.get(host) ?? 1) - 1;
    if (left === 0) this.active.delete(host);
    else this.active.set(host, left);
  }

  get inFlight(): number {
    return this.running;
  }

  inFlightFor(host: string): number {
    return this.active.get(host) ?? 0;
  }
}
